package cn.gov.jieyang.talent.signing;

import static cn.gov.jieyang.talent.signing.PackageFixture.CA;
import static cn.gov.jieyang.talent.signing.PackageFixture.aSignedPackage;
import static cn.gov.jieyang.talent.signing.PackageFixture.verifierTrustingTheCa;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layout of what the signer writes, and what it refuses to write. */
class PackageSignerTest {

    @TempDir
    Path dir;

    @Test
    void writesMimetypeFirstStoredWithoutExtraField() throws IOException {
        byte[] head = Arrays.head(Files.readAllBytes(aSignedPackage(dir)), 80);

        assertThat(new String(head, 30, 8, StandardCharsets.US_ASCII)).isEqualTo("mimetype");
        assertThat(head[8] | head[9] << 8).as("method STORED").isZero();
        assertThat(head[28] | head[29] << 8).as("extra field length").isZero();
        assertThat(new String(head, 38, 31, StandardCharsets.US_ASCII)).isEqualTo("application/vnd.etsi.asic-e+zip");
    }

    @Test
    void storesAlreadyCompressedMaterialsAndDeflatesText() throws IOException {
        try (ZipFile z = new ZipFile(aSignedPackage(dir).toFile())) {
            assertThat(z.getEntry("id-card.pdf").getMethod()).isEqualTo(ZipEntry.STORED);
            assertThat(z.getEntry("photos/award.jpg").getMethod()).isEqualTo(ZipEntry.STORED);
            assertThat(z.getEntry("application-summary.json").getMethod()).isEqualTo(ZipEntry.DEFLATED);
            assertThat(z.getEntry("META-INF/ASiCManifest.xml").getMethod()).isEqualTo(ZipEntry.DEFLATED);
            assertThat(Collections.list(z.entries())).extracting(ZipEntry::getName).containsExactly("mimetype",
                    "application-summary.json", "id-card.pdf", "application-form.pdf", "photos/award.jpg",
                    "META-INF/ASiCManifest.xml", "META-INF/signature.p7s");
        }
    }

    @Test
    void recordsEachFilesSha256AsSha256sumWouldPrintIt() throws Exception {
        Map<String, byte[]> materials = PackageFixture.someMaterials();
        SignedPackage p = PackageSigner.builder(CA.sealP256()).crl(CA.crl()).build()
                .sign(PackageFixture.contentsOf(materials), dir.resolve("p.asice"));

        String expected = HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(materials.get("id-card.pdf")));
        assertThat(p.files()).filteredOn(f -> f.name().equals("id-card.pdf")).singleElement()
                .satisfies(f -> {
                    assertThat(f.sha256Hex()).isEqualTo(expected);
                    assertThat(f.size()).isEqualTo(4_000);
                    assertThat(f.mediaType()).isEqualTo(MediaTypes.PDF);
                });
    }

    @Test
    void writesTheApplicationSummaryAsJson() throws IOException {
        try (ZipFile z = new ZipFile(aSignedPackage(dir).toFile())) {
            String json = new String(z.getInputStream(z.getEntry("application-summary.json")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(json).contains("\"applicationId\": \"APP-2026-000123\"",
                    "\"services\": [", "\"chief-technician\"", "\"submittedAt\": \"2026-11-25T08:30:00Z\"");
        }
    }

    @Test
    void keepsChineseFileNamesVerifiable() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("材料/身份证 正反面.pdf", PackageFixture.pdf("居民身份证", 2_000));
        Path p = aSignedPackage(dir, "zh.asice", CA.sealP256(), m);

        VerificationReport r = verifierTrustingTheCa().verify(p);

        assertThat(r.isValid()).as(r.toString()).isTrue();
        assertThat(r.files()).extracting(FileVerdict::name).contains("材料/身份证 正反面.pdf");
    }

    @Test
    void leavesNoPartialPackageWhenAnInputFailsMidway() {
        PackageContents contents = PackageContents.builder()
                .add(PackageEntry.of("good.pdf", MediaTypes.PDF, () -> new ByteArrayInputStream(new byte[1000])))
                .add(PackageEntry.of("broken.pdf", MediaTypes.PDF, () -> new InputStream() {
                    private int n;

                    @Override
                    public int read() throws IOException {
                        if (n++ > 5000) {
                            throw new IOException("disk went away");
                        }
                        return 0;
                    }
                }))
                .build();
        Path target = dir.resolve("never.asice");

        assertThatThrownBy(() -> PackageSigner.builder(CA.sealP256()).build().sign(contents, target))
                .isInstanceOf(SigningException.class).hasMessageContaining("broken.pdf");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void refusesToSignWithASealThatHasExpired() {
        Clock tenYearsOn = Clock.fixed(Instant.now().plusSeconds(10L * 365 * 24 * 3600), ZoneOffset.UTC);
        PackageSigner signer = PackageSigner.builder(CA.sealP256()).clock(tenYearsOn).build();

        assertThatThrownBy(() -> signer.sign(PackageFixture.contentsOf(PackageFixture.someMaterials()),
                dir.resolve("late.asice")))
                .isInstanceOf(SigningException.class)
                .extracting(e -> ((SigningException) e).reason())
                .isEqualTo(SigningException.Reason.CERTIFICATE_UNUSABLE);
    }

    @Test
    void refusesDuplicateNamesIgnoringCase() {
        PackageContents.Builder b = PackageContents.builder()
                .add(PackageEntry.of("Photo.jpg", MediaTypes.JPEG, () -> new ByteArrayInputStream(new byte[1])));

        assertThatThrownBy(() -> b.add(PackageEntry.of("photo.JPG", MediaTypes.JPEG,
                () -> new ByteArrayInputStream(new byte[1])))).hasMessageContaining("duplicate");
    }

    @Test
    void refusesEntryNamesThatEscapeOrCollideWithTheContainer() {
        for (String bad : List.of("../x.pdf", "/etc/passwd", "a/../../b", "C:\\x.pdf", "mimetype",
                "META-INF/signature.p7s", "meta-inf/x", "a//b", "tab\there", "")) {
            assertThatThrownBy(() -> PackageEntry.of(bad, MediaTypes.PDF, () -> InputStream.nullInputStream()))
                    .as(bad).isInstanceOf(SigningException.class)
                    .extracting(e -> ((SigningException) e).reason()).isEqualTo(SigningException.Reason.INVALID_ENTRY);
        }
    }

    /** Small array helper kept local to this test. */
    private static final class Arrays {
        static byte[] head(byte[] b, int n) {
            return java.util.Arrays.copyOf(b, Math.min(n, b.length));
        }
    }
}
