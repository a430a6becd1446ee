package cn.gov.jieyang.talent.authbridge.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The private keys sealed at rest and the checks on the key; no database needed. */
@ExtendWith(OutputCaptureExtension.class)
class PrivateKeySealerTest {

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
                .hasMessageContaining("bridge.keys.encryption-key (BRIDGE_KEYS_ENCRYPTION_KEY) is not set")
                .hasMessageContaining("openssl rand -base64 32"));
        runner.withPropertyValues("bridge.keys.encryption-key=" + sixteenBytes).run(context ->
                assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("exactly 32 bytes").hasMessageContaining("decodes to 16 bytes")
                        .hasMessageNotContaining(sixteenBytes));
        runner.withPropertyValues("bridge.keys.encryption-key=" + thirtyThreeBytes).run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("decodes to 33 bytes"));
        runner.withPropertyValues("bridge.keys.encryption-key=not*base64!").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("is not valid base64")
                        .hasMessageNotContaining("not*base64!"));
        runner.withPropertyValues("bridge.keys.encryption-key=" + KeysTestConfig.TEST_ENCRYPTION_KEY,
                "bridge.keys.previous-encryption-keys=" + Base64.getEncoder().encodeToString(new byte[32]))
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("item 1 of bridge.keys.previous-encryption-keys "
                                + "(BRIDGE_KEYS_PREVIOUS_ENCRYPTION_KEYS)")
                        .hasMessageContaining("placeholder"));
    }

    @Test
    void warnsWhenTheDevelopmentKeyIsInUse(CapturedOutput output) {
        PrivateKeySealer.from(properties(KeysTestConfig.TEST_ENCRYPTION_KEY));
        assertThat(output).doesNotContain("PUBLIC DEVELOPMENT DEFAULT");

        PrivateKeySealer.from(properties(PrivateKeySealer.DEVELOPMENT_KEY_BASE64));
        assertThat(output).contains("WARN").contains("PUBLIC DEVELOPMENT DEFAULT")
                .doesNotContain(PrivateKeySealer.DEVELOPMENT_KEY_BASE64);
    }

    @Test
    void theDevelopmentKeyIsA32ByteKey() {
        assertThat(Base64.getDecoder().decode(PrivateKeySealer.DEVELOPMENT_KEY_BASE64)).hasSize(32);
    }

    @Test
    void roundTripsWithAFreshIvEachTime() {
        PrivateKeySealer sealer = PrivateKeySealer.from(properties(KeysTestConfig.TEST_ENCRYPTION_KEY));

        byte[] once = sealer.seal(SECRET, "kid-1");
        byte[] twice = sealer.seal(SECRET, "kid-1");

        assertThat(once).isNotEqualTo(twice);
        assertThat(new String(once, StandardCharsets.US_ASCII)).doesNotContain("PKCS#8").contains("..");
        assertThat(sealer.open(once, "kid-1")).isEqualTo(SECRET);
        assertThat(sealer.open(twice, "kid-1")).isEqualTo(SECRET);
    }

    @Test
    void aCiphertextOnlyDecryptsForItsOwnKid() {
        PrivateKeySealer sealer = PrivateKeySealer.from(properties(KeysTestConfig.TEST_ENCRYPTION_KEY));
        byte[] sealed = sealer.seal(SECRET, "kid-1");

        assertThatThrownBy(() -> sealer.open(sealed, "kid-2")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Cannot decrypt the private key of signing key kid-2");
    }

    @Test
    void anAlteredCiphertextOrAnotherKeyIsRefused() {
        PrivateKeySealer sealer = PrivateKeySealer.from(properties(KeysTestConfig.TEST_ENCRYPTION_KEY));
        byte[] sealed = sealer.seal(SECRET, "kid-1");
        byte[] altered = sealed.clone();
        // The tag's next-to-last base64url character is six whole bits of it (the last one is partly padding).
        altered[altered.length - 2] = (byte) (altered[altered.length - 2] == 'A' ? 'B' : 'A');

        assertThatThrownBy(() -> sealer.open(altered, "kid-1")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> PrivateKeySealer.from(properties(PrivateKeySealer.DEVELOPMENT_KEY_BASE64))
                .open(sealed, "kid-1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("bridge.keys.previous-encryption-keys");
        assertThatThrownBy(() -> sealer.open(new byte[] {1, 2, 3}, "kid-1"))
                .hasMessageContaining("not a sealed value");
        assertThatThrownBy(() -> sealer.open(null, "kid-1")).hasMessageContaining("is missing");
    }

    @Test
    void aPreviousEncryptionKeyStillOpensRowsSealedBeforeTheRotation() {
        byte[] sealedBefore = PrivateKeySealer.from(properties(PrivateKeySealer.DEVELOPMENT_KEY_BASE64))
                .seal(SECRET, "kid-1");
        PrivateKeySealer rotated = PrivateKeySealer.from(new KeysProperties(KeysTestConfig.TEST_ENCRYPTION_KEY,
                List.of(PrivateKeySealer.DEVELOPMENT_KEY_BASE64), null, null));

        assertThat(rotated.open(sealedBefore, "kid-1")).isEqualTo(SECRET);
    }

    private static KeysProperties properties(String encryptionKey) {
        return new KeysProperties(encryptionKey, null, null, null);
    }
}
