package cn.gov.jieyang.talent.authbridge.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The check of a Keycloak forward: {@code hex(HMAC-SHA256(key, timestamp + "." + body))}, the time-stamp in
 * epoch seconds within the window. Compared in constant time; any malformed input is simply "not valid",
 * so the caller answers 401 without saying which part failed.
 */
final class KeycloakEventSignature {

    private final byte[] key;
    private final Duration window;

    KeycloakEventSignature(byte[] key, Duration window) {
        this.key = key.clone();
        this.window = window;
    }

    boolean valid(String timestamp, byte[] body, String signature, Instant now) {
        if (timestamp == null || signature == null || !timestamp.matches("\\d{1,12}")
                || !signature.matches("[0-9a-f]{64}")) {
            return false;
        }
        Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
        if (Duration.between(sent, now).abs().compareTo(window) > 0) {
            return false;
        }
        return MessageDigest.isEqual(HexFormat.of().parseHex(signature), mac(timestamp, body));
    }

    byte[] mac(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
