package cn.gov.jieyang.talent.authbridge.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.jieyang.talent.authbridge.testing.AuditSealForTests;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** Deny by default: without a usable seal a production bridge does not start; dev runs without checkpoints. */
class CheckpointSealTest {

    private static AuditProperties seal(Path pkcs12, String password, boolean required) {
        return new AuditProperties(new AuditProperties.Seal(pkcs12, password, null, required),
                new AuditProperties.Tsa(null, java.time.Duration.ofSeconds(10)),
                new AuditProperties.KeycloakEvents(null, java.time.Duration.ofMinutes(5)));
    }

    @Test
    void aRequiredSealThatIsMissingStopsTheStartNamingTheVariables() {
        assertThatThrownBy(() -> CheckpointSeal.load(seal(null, null, true), Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("BRIDGE_AUDIT_SEAL_PKCS12").hasMessageContaining("BRIDGE_AUDIT_SEAL_PASSWORD");
    }

    @Test
    void aRequiredSealWithAWrongPasswordStopsTheStartWithoutEchoingIt() {
        assertThatThrownBy(() -> CheckpointSeal.load(seal(AuditSealForTests.get().pkcs12(), "not-the-password-7f3a",
                true), Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot be opened")
                .message().doesNotContain("not-the-password-7f3a");
    }

    @Test
    void withoutARequiredSealCheckpointsAreOff() {
        assertThat(CheckpointSeal.load(seal(Path.of("no-such-dir", "seal.p12"), "x", false), Clock.systemUTC()))
                .isEmpty();
    }

    @Test
    void aUsableSealSigns() {
        assertThat(CheckpointSeal.load(seal(AuditSealForTests.get().pkcs12(), AuditSealForTests.PASSWORD, true),
                Clock.systemUTC())).isPresent();
    }

    @Test
    void theSealsPasswordIsNeverPrinted() {
        assertThat(new AuditProperties.Seal(Path.of("seal.p12"), "s3cret-pw", null, true).toString())
                .doesNotContain("s3cret-pw");
    }
}
