package cn.gov.jieyang.talent.signing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Builds signed packages for tests: a shared development CA, sample materials, one-line package creation. */
final class PackageFixture {

    /** One CA per test JVM: key generation is the slow part. */
    static final DevelopmentCa CA = DevelopmentCa.generate();
    /** The CA's time-stamping authority, answering in-process. */
    static final DevelopmentTsa TSA = DevelopmentTsa.of(CA.tsa());

    private PackageFixture() {
    }

    static ApplicationSummary aSummary() {
        return ApplicationSummary.builder()
                .applicationId("APP-2026-000123")
                .applicantSubject("sub-7f3a9c")
                .service("high-level-talent-recognition")
                .service("chief-technician")
                .submittedAt(Instant.parse("2026-11-25T08:30:00Z"))
                .build();
    }

    /** Three materials: two PDFs and a JPEG-like file of random bytes. */
    static Map<String, byte[]> someMaterials() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("id-card.pdf", pdf("resident identity card", 4_000));
        m.put("application-form.pdf", pdf("talent services one thing application form", 9_000));
        m.put("photos/award.jpg", jpeg(20_000));
        return m;
    }

    static PackageContents contentsOf(Map<String, byte[]> files) {
        PackageContents.Builder b = PackageContents.builder().summary(aSummary());
        files.forEach((name, bytes) -> b.add(PackageEntry.of(name, MediaTypes.detect(bytes),
                () -> new java.io.ByteArrayInputStream(bytes))));
        return b.build();
    }

    static Path aSignedPackage(Path dir, String fileName, SigningKey key, Map<String, byte[]> files) {
        return PackageSigner.builder(key).crl(CA.crl()).build()
                .sign(contentsOf(files), dir.resolve(fileName)).path();
    }

    static Path aSignedPackage(Path dir) {
        return aSignedPackage(dir, "application.asice", CA.sealP256(), someMaterials());
    }

    static PackageVerifier verifierTrustingTheCa() {
        return PackageVerifier.builder().trustAnchor(CA.caCertificate()).build();
    }

    static byte[] pdf(String text, int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        byte[] head = ("%PDF-1.7\n% " + text + "\n").getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, b, 0, head.length);
        return b;
    }

    static byte[] jpeg(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        b[0] = (byte) 0xFF;
        b[1] = (byte) 0xD8;
        b[2] = (byte) 0xFF;
        return b;
    }
}
