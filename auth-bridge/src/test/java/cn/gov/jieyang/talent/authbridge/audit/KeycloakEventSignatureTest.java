package cn.gov.jieyang.talent.authbridge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class KeycloakEventSignatureTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);
    private final KeycloakEventSignature check = new KeycloakEventSignature(KEY, Duration.ofMinutes(5));
    private final byte[] body = "{\"id\":\"e1\"}".getBytes(StandardCharsets.UTF_8);

    private String sign(byte[] key, String ts, byte[] b) {
        return HexFormat.of().formatHex(new KeycloakEventSignature(key, Duration.ofMinutes(5)).mac(ts, b));
    }

    @Test
    void aForwardSignedWithTheKeyNowIsAccepted() {
        assertThat(check.valid("1800000000", body, sign(KEY, "1800000000", body), NOW)).isTrue();
    }

    @Test
    void aForwardSignedWithAnotherKeyIsRefused() {
        byte[] other = "ffffffffffffffffffffffffffffffff".getBytes(StandardCharsets.UTF_8);
        assertThat(check.valid("1800000000", body, sign(other, "1800000000", body), NOW)).isFalse();
    }

    @Test
    void anAlteredBodyOrTimestampIsRefused() {
        String sig = sign(KEY, "1800000000", body);
        assertThat(check.valid("1800000000", "{\"id\":\"e2\"}".getBytes(StandardCharsets.UTF_8), sig, NOW)).isFalse();
        assertThat(check.valid("1800000001", body, sig, NOW)).isFalse();
    }

    @Test
    void aForwardOutsideTheWindowIsRefusedEvenWhenSigned() {
        String old = "1799999000";
        assertThat(check.valid(old, body, sign(KEY, old, body), NOW)).isFalse();
    }

    @Test
    void missingOrMalformedHeadersAreRefused() {
        assertThat(check.valid(null, body, sign(KEY, "1800000000", body), NOW)).isFalse();
        assertThat(check.valid("1800000000", body, null, NOW)).isFalse();
        assertThat(check.valid("1800000000", body, "zz", NOW)).isFalse();
        assertThat(check.valid("-5", body, sign(KEY, "-5", body), NOW)).isFalse();
    }
}
