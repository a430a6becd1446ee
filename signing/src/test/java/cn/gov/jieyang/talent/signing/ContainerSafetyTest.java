package cn.gov.jieyang.talent.signing;

import static cn.gov.jieyang.talent.signing.PackageFixture.aSignedPackage;
import static cn.gov.jieyang.talent.signing.PackageFixture.verifierTrustingTheCa;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile or broken input gets a clear FORMAT_FAILURE, never an exception, and bounded work. */
class ContainerSafetyTest {

    @TempDir
    Path dir;

    @Test
    void rejectsAFileThatIsNotAZip() throws Exception {
        Path p = Files.writeString(dir.resolve("letter.asice"), "%PDF-1.7 not a zip at all");

        assertFormatFailure(verifierTrustingTheCa().verify(p), "not a ZIP");
    }

    @Test
    void rejectsATruncatedPackage() throws Exception {
        byte[] whole = Files.readAllBytes(aSignedPackage(dir));
        Path p = Files.write(dir.resolve("truncated.asice"), java.util.Arrays.copyOf(whole, whole.length / 2));

        assertThat(verifierTrustingTheCa().verify(p).subIndication()).contains(SubIndication.FORMAT_FAILURE);
    }

    @Test
    void rejectsAZipBombByCountingInflatedBytes() {
        List<Map.Entry<String, byte[]>> e = Zips.read(aSignedPackage(dir));
        Zips.add(e, "bomb.bin", new byte[8 << 20]); // 8 MiB of zeros deflates to a few KiB
        Path p = Zips.write(dir.resolve("bomb.asice"), e);
        PackageVerifier strict = PackageVerifier.builder().trustAnchor(PackageFixture.CA.caCertificate())
                .limits(new PackageLimits(100, 1 << 20, 4 << 20, 1 << 20)).build();

        assertFormatFailure(strict.verify(p), "bomb.bin");
    }

    @Test
    void rejectsAZipBombThatLiesAboutItsSize() {
        List<Map.Entry<String, byte[]>> e = Zips.read(aSignedPackage(dir));
        Zips.add(e, "bomb.bin", new byte[8 << 20]);
        Path p = Zips.write(dir.resolve("liar.asice"), e);
        Zips.declareSize(p, "bomb.bin", 100);
        PackageVerifier strict = PackageVerifier.builder().trustAnchor(PackageFixture.CA.caCertificate())
                .limits(new PackageLimits(100, 1 << 20, 4 << 20, 1 << 20)).build();

        assertFormatFailure(strict.verify(p), "inflates beyond");
    }

    @Test
    void rejectsTooManyEntries() {
        List<Map.Entry<String, byte[]>> e = Zips.read(aSignedPackage(dir));
        for (int i = 0; i < 20; i++) {
            Zips.add(e, "spam-" + i + ".txt", new byte[] {1});
        }
        PackageVerifier strict = PackageVerifier.builder()
                .limits(new PackageLimits(10, 1 << 20, 4 << 20, 1 << 20)).build();

        assertFormatFailure(strict.verify(Zips.write(dir.resolve("many.asice"), e)), "entries");
    }

    @Test
    void rejectsAnEntryNameThatClimbsOutOfTheContainer() {
        List<Map.Entry<String, byte[]>> e = Zips.read(aSignedPackage(dir));
        Zips.add(e, "../../etc/cron.d/evil", new byte[] {1});

        assertFormatFailure(verifierTrustingTheCa().verify(Zips.write(dir.resolve("slip.asice"), e)), "..");
    }

    @Test
    void rejectsAnAbsoluteEntryName() {
        List<Map.Entry<String, byte[]>> e = Zips.read(aSignedPackage(dir));
        Zips.add(e, "/etc/passwd", new byte[] {1});

        assertFormatFailure(verifierTrustingTheCa().verify(Zips.write(dir.resolve("abs.asice"), e)), "relative");
    }

    @Test
    void rejectsDuplicateEntries() {
        List<Map.Entry<String, byte[]>> e = Zips.read(aSignedPackage(dir));
        // Two entries of one name: tools disagree on which one is "the" file, so none is trusted.
        Zips.add(e, "id-card.pdf", PackageFixture.pdf("the other card", 100));

        assertFormatFailure(verifierTrustingTheCa().verify(Zips.write(dir.resolve("dup.asice"), e)), "duplicate");
    }

    @Test
    void rejectsAManifestThatIsNotWellFormedXml() {
        List<Map.Entry<String, byte[]>> e = Zips.read(aSignedPackage(dir));
        Zips.put(e, "META-INF/ASiCManifest.xml", "<asic:ASiCManifest><unclosed>".getBytes(StandardCharsets.UTF_8));

        assertFormatFailure(verifierTrustingTheCa().verify(Zips.write(dir.resolve("bad-xml.asice"), e)),
                "not well-formed");
    }

    @Test
    void neverResolvesExternalEntitiesInTheManifest() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<asic:ASiCManifest xmlns:asic=\"http://uri.etsi.org/02918/v1.2.1#\">&x;</asic:ASiCManifest>";
        List<Map.Entry<String, byte[]>> e = Zips.read(aSignedPackage(dir));
        Zips.put(e, "META-INF/ASiCManifest.xml", xxe.getBytes(StandardCharsets.UTF_8));

        VerificationReport r = verifierTrustingTheCa().verify(Zips.write(dir.resolve("xxe.asice"), e));

        assertThat(r.subIndication()).contains(SubIndication.FORMAT_FAILURE);
        assertThat(r.toJson()).doesNotContain("TOP-SECRET-CONTENT");
    }

    @Test
    void rejectsAPackageWhoseFirstEntryIsNotMimetype() {
        List<Map.Entry<String, byte[]>> e = Zips.read(aSignedPackage(dir));
        Map.Entry<String, byte[]> mimetype = e.remove(0);
        e.add(mimetype);

        assertFormatFailure(verifierTrustingTheCa().verify(Zips.write(dir.resolve("order.asice"), e)), "mimetype");
    }

    @Test
    void rejectsAPackageWithoutSignature() {
        List<Map.Entry<String, byte[]>> e = Zips.read(aSignedPackage(dir));
        Zips.remove(e, "META-INF/signature.p7s");

        assertFormatFailure(verifierTrustingTheCa().verify(Zips.write(dir.resolve("unsigned.asice"), e)),
                "signature.p7s");
    }

    @Test
    void rejectsASignatureThatIsNotCms() {
        List<Map.Entry<String, byte[]>> e = Zips.read(aSignedPackage(dir));
        Zips.put(e, "META-INF/signature.p7s", "garbage".getBytes(StandardCharsets.US_ASCII));

        assertFormatFailure(verifierTrustingTheCa().verify(Zips.write(dir.resolve("garbage.asice"), e)), "CMS");
    }

    @Test
    void throwsOnlyWhenThePackageFileCannotBeReadAtAll() {
        assertThatThrownBy(() -> verifierTrustingTheCa().verify(dir.resolve("absent.asice")))
                .isInstanceOf(SigningException.class)
                .extracting(ex -> ((SigningException) ex).reason()).isEqualTo(SigningException.Reason.IO_FAILURE);
    }

    private static void assertFormatFailure(VerificationReport r, String messagePart) {
        assertThat(r.indication()).as(r.toString()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(r.subIndication()).contains(SubIndication.FORMAT_FAILURE);
        assertThat(r.problems()).anyMatch(p -> p.contains(messagePart));
    }
}
