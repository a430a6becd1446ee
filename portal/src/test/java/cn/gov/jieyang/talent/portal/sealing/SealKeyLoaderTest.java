package cn.gov.jieyang.talent.portal.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.jieyang.talent.signing.SigningException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the seal comes from: a development CA made once and kept, or the bureau's PKCS#12. */
class SealKeyLoaderTest {

    @TempDir
    Path temp;

    private static SealProperties dev(Path dir) {
        return new SealProperties(SealProperties.Mode.DEV, dir, null, "", null, null);
    }

    @Test
    void createsADevelopmentSealOnFirstStartAndReusesItAfterARestart() {
        Path dir = temp.resolve("seal");

        SealKey first = SealKeyLoader.load(dev(dir));
        SealKey second = SealKeyLoader.load(dev(dir));

        assertThat(dir.resolve("ca.pem")).isRegularFile();
        assertThat(dir.resolve("ca.crl")).isRegularFile();
        assertThat(dir.resolve("seal.p12")).isRegularFile();
        assertThat(second.fingerprintSha256()).isEqualTo(first.fingerprintSha256())
                .matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(second.subject()).contains("DEVELOPMENT", "Jieyang");
        assertThat(second.trustAnchor()).isEqualTo(first.trustAnchor());
        assertThat(second.crl()).isPresent();
        try (var leftovers = Files.list(temp)) {
            assertThat(leftovers).containsExactly(dir);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void refusesToOverwriteAnIncompleteSealDirectory() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("seal"));
        Files.writeString(dir.resolve("seal.p12"), "a seal that may have signed packages");

        assertThatThrownBy(() -> SealKeyLoader.load(dev(dir))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("incomplete");
        assertThat(Files.readString(dir.resolve("seal.p12"))).isEqualTo("a seal that may have signed packages");
    }

    @Test
    void loadsTheBureauSealFromPkcs12WithThePasswordGiven() {
        Path dir = temp.resolve("bureau");
        SealKey dev = SealKeyLoader.load(new SealProperties(SealProperties.Mode.DEV, dir, null, "s3cret-pw", null, null));

        SealKey bureau = SealKeyLoader.load(new SealProperties(SealProperties.Mode.PKCS12, null,
                dir.resolve("seal.p12"), "s3cret-pw", dir.resolve("ca.pem"), dir.resolve("ca.crl")));

        assertThat(bureau.fingerprintSha256()).isEqualTo(dev.fingerprintSha256());
        assertThatThrownBy(() -> SealKeyLoader.load(new SealProperties(SealProperties.Mode.PKCS12, null,
                dir.resolve("seal.p12"), "Guess-7731", dir.resolve("ca.pem"), null)))
                .isInstanceOf(SigningException.class).hasMessageNotContaining("Guess-7731");
    }

    @Test
    void refusesPkcs12ModeWithoutAPassword() {
        SealProperties noPassword = new SealProperties(SealProperties.Mode.PKCS12, null, temp.resolve("seal.p12"), "",
                temp.resolve("ca.pem"), null);

        assertThatThrownBy(() -> SealKeyLoader.load(noPassword)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PORTAL_SEAL_PASSWORD");
        assertThat(noPassword.toString()).doesNotContain("password=");
    }
}
