package cn.gov.jieyang.talent.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.jieyang.talent.signing.ApplicationSummary;
import cn.gov.jieyang.talent.signing.DevelopmentCa;
import cn.gov.jieyang.talent.signing.Indication;
import cn.gov.jieyang.talent.signing.PackageContents;
import cn.gov.jieyang.talent.signing.PackageEntry;
import cn.gov.jieyang.talent.signing.PackageLimits;
import cn.gov.jieyang.talent.signing.PackageSigner;
import cn.gov.jieyang.talent.signing.PackageVerifier;
import cn.gov.jieyang.talent.signing.SubIndication;
import cn.gov.jieyang.talent.signing.VerificationReport;
import cn.gov.jieyang.talent.signing.Zips;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9: an 8 MiB package that inflated to 7 GiB kept {@code /audit/verify} busy for 28 s. With the
 * default bounds a package is refused once it inflates beyond 100 MiB (4 x the portal's 25 MiB upload
 * limit), and reading stops there. The work is measured in bytes inflated, never in seconds.
 */
class InflationBoundTest {

    /** The bound a verifier uses unless told otherwise. */
    private static final long DEFAULT_BOUND = 100L << 20;
    /** 200 MiB of zeros: about 200 KiB on disk. */
    private static final long BOMB = 200L << 20;
    private static final DevelopmentCa CA = DevelopmentCa.generate();

    @TempDir
    Path dir;

    @Test
    void refusesABombThatDeclaresItsSizeBeforeInflatingIt() {
        Path bomb = aSignedPackageWithZeros("honest-bomb.asice");

        assertRefused(defaultVerifier().verify(bomb), "declares " + BOMB + " bytes; at most " + DEFAULT_BOUND + " bytes");
    }

    @Test
    void refusesABombWhoseHeadersLieAboutItsSize() {
        Path bomb = aSignedPackageWithZeros("lying-bomb.asice");
        Zips.declareSize(bomb, "bomb.bin", 100);

        assertRefused(defaultVerifier().verify(bomb), "inflates beyond " + DEFAULT_BOUND + " bytes");
    }

    @Test
    void stopsInflatingAtTheBoundWhateverTheHeadersSay() throws Exception {
        Path bomb = aSignedPackageWithZeros("lying-bomb.asice");
        Zips.declareSize(bomb, "bomb.bin", 100);

        try (AsicReader reader = AsicReader.open(bomb, PackageLimits.DEFAULT)) {
            byte[] buffer = new byte[1 << 20];
            assertThatThrownBy(() -> {
                for (String name : reader.names()) {
                    reader.sha256(name, buffer);
                }
            }).isInstanceOf(FormatException.class).hasMessageContaining("inflates beyond");
            // One byte past the bound is how the reader learns there is more; nothing beyond that.
            assertThat(reader.inflatedBytes()).isLessThanOrEqualTo(DEFAULT_BOUND + 1);
        }
    }

    @Test
    void theBoundIsTheCallersToSet() {
        Path p = aSignedPackageWithZeros("two-mebibytes.asice", 2L << 20);
        Zips.declareSize(p, "bomb.bin", 100);
        PackageVerifier.Builder verifier = PackageVerifier.builder().trustAnchor(CA.caCertificate());

        assertRefused(verifier.maxInflatedSize(1L << 20).build().verify(p), "inflates beyond 1048576 bytes (1 MiB)");
        // Within a larger bound the package is read to the end: what is left is the file nobody signed.
        assertThat(verifier.maxInflatedSize(4L << 20).build().verify(p).problems())
                .containsExactly("bomb.bin is in the package but not covered by the signature");
    }

    private static PackageVerifier defaultVerifier() {
        return PackageVerifier.builder().trustAnchor(CA.caCertificate()).build();
    }

    private static void assertRefused(VerificationReport r, String reason) {
        assertThat(r.indication()).as(r.toString()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(r.subIndication()).contains(SubIndication.FORMAT_FAILURE);
        assertThat(r.problems()).as(r.toString()).anyMatch(p -> p.contains(reason));
    }

    /** A genuine signed package, with a bomb of zeros added beside its material. */
    private Path aSignedPackageWithZeros(String fileName) {
        return aSignedPackageWithZeros(fileName, BOMB);
    }

    private Path aSignedPackageWithZeros(String fileName, long zeros) {
        byte[] letter = "%PDF-1.7\n% a letter of recommendation\n".getBytes(StandardCharsets.US_ASCII);
        Path genuine = PackageSigner.builder(CA.sealP256()).crl(CA.crl()).build().sign(PackageContents.builder()
                .summary(ApplicationSummary.builder().applicationId("APP-2026-000123").applicantSubject("sub-7f3a9c")
                        .service("chief-technician").submittedAt(Instant.parse("2026-11-25T08:30:00Z")).build())
                .add(PackageEntry.of("letter.pdf", "application/pdf", () -> new ByteArrayInputStream(letter)))
                .build(), dir.resolve("genuine-" + fileName)).path();
        return Zips.writeWithZeros(dir.resolve(fileName), Zips.read(genuine), "bomb.bin", zeros);
    }
}
