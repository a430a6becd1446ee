package cn.gov.jieyang.talent.authbridge.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The at-rest encryption and the checks on its key; no database needed. */
@ExtendWith(OutputCaptureExtension.class)
class KeyCipherTest {

    private static final byte[] SECRET = "pretend this is a PKCS#8 private key".getBytes(StandardCharsets.UTF_8);

    /** The keys configuration with a database that is never reached: the key check comes first. */
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(KeysConfiguration.class)
            .withBean(DataSource.class, () -> new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/unreachable"));

    @Test
    void refusesToStartWithoutA32ByteKey() {
        String sixteenBytes = Base64.getEncoder().encodeToString("only-sixteen-byt".getBytes(StandardCharsets.US_ASCII));
        String thirtyThreeBytes = Base64.getEncoder().encodeToString(new byte[33]);

        runner.run(context -> assertThat(context).getFailure().rootCause()
                .hasMessageContaining("bridge.keys.encryption-key is not set"));
        runner.withPropertyValues("bridge.keys.encryption-key=" + sixteenBytes).run(context ->
                assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("exactly 32 bytes").hasMessageContaining("decodes to 16 bytes")
                        .hasMessageNotContaining(sixteenBytes));
        runner.withPropertyValues("bridge.keys.encryption-key=" + thirtyThreeBytes).run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("decodes to 33 bytes"));
        runner.withPropertyValues("bridge.keys.encryption-key=not*base64!").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("is not valid base64")
                        .hasMessageNotContaining("not*base64!"));
    }

    @Test
    void warnsWhenTheDevelopmentKeyIsInUse(CapturedOutput output) {
        KeyCipher.fromBase64(KeysTestConfig.TEST_ENCRYPTION_KEY);
        assertThat(output).doesNotContain("PUBLIC DEVELOPMENT DEFAULT");

        KeyCipher.fromBase64(KeyCipher.DEVELOPMENT_KEY_BASE64);
        assertThat(output).contains("WARN").contains("PUBLIC DEVELOPMENT DEFAULT")
                .doesNotContain(KeyCipher.DEVELOPMENT_KEY_BASE64);
    }

    @Test
    void theDevelopmentKeyIsA32ByteKey() {
        assertThat(Base64.getDecoder().decode(KeyCipher.DEVELOPMENT_KEY_BASE64)).hasSize(32);
    }

    @Test
    void roundTripsWithAFreshIvEachTime() {
        KeyCipher cipher = KeyCipher.fromBase64(KeysTestConfig.TEST_ENCRYPTION_KEY);

        byte[] once = cipher.encrypt(SECRET, "kid-1");
        byte[] twice = cipher.encrypt(SECRET, "kid-1");

        assertThat(once).isNotEqualTo(twice).hasSize(1 + 12 + SECRET.length + 16);
        assertThat(cipher.decrypt(once, "kid-1")).isEqualTo(SECRET);
        assertThat(cipher.decrypt(twice, "kid-1")).isEqualTo(SECRET);
    }

    @Test
    void aCiphertextOnlyDecryptsForItsOwnKid() {
        KeyCipher cipher = KeyCipher.fromBase64(KeysTestConfig.TEST_ENCRYPTION_KEY);
        byte[] sealed = cipher.encrypt(SECRET, "kid-1");

        assertThatThrownBy(() -> cipher.decrypt(sealed, "kid-2")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Cannot decrypt the private key of signing key kid-2");
    }

    @Test
    void anAlteredCiphertextOrAnotherKeyIsRefused() {
        KeyCipher cipher = KeyCipher.fromBase64(KeysTestConfig.TEST_ENCRYPTION_KEY);
        byte[] sealed = cipher.encrypt(SECRET, "kid-1");
        byte[] altered = sealed.clone();
        altered[20] ^= 1;

        assertThatThrownBy(() -> cipher.decrypt(altered, "kid-1")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> KeyCipher.fromBase64(KeyCipher.DEVELOPMENT_KEY_BASE64).decrypt(sealed, "kid-1"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt(new byte[] {1, 2, 3}, "kid-1"))
                .hasMessageContaining("not in a known format");
    }
}
