package cn.gov.jieyang.talent.signing;

import static cn.gov.jieyang.talent.signing.LongTermValidationTest.FIVE_YEARS_ON;
import static cn.gov.jieyang.talent.signing.LongTermValidationTest.verifierAt;
import static cn.gov.jieyang.talent.signing.PackageFixture.CA;
import static cn.gov.jieyang.talent.signing.PackageFixture.TSA;
import static cn.gov.jieyang.talent.signing.PackageFixture.contentsOf;
import static cn.gov.jieyang.talent.signing.PackageFixture.someMaterials;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LTA: an archive time-stamp added by {@link PackageExtender} outlives the first TSA's certificate. */
class ArchiveTimeStampTest {

    @TempDir
    Path dir;

    @Test
    void aPackageStillVerifiesAfterTheFirstTsasCertificateExpiredOnceItHasAnArchiveTimeStamp() {
        SigningKey shortLived = CA.issueTsa("DEVELOPMENT short-lived TSA", Duration.ofDays(400));
        Path p = PackageSigner.builder(CA.sealP256()).crl(CA.crl()).timeStampSource(DevelopmentTsa.of(shortLived))
                .build().sign(contentsOf(someMaterials()), dir.resolve("lta.asice")).path();
        VerificationReport before = verifierAt(FIVE_YEARS_ON).verify(p);
        assertThat(before.subIndication()).as("T alone, first TSA expired").contains(SubIndication.OUT_OF_BOUNDS_NO_POE);
        assertThat(before.timeStamps().get(0).tsaChainStatus()).isEqualTo(ChainStatus.EXPIRED);

        PackageExtender.addArchiveTimeStamp(p, TSA);
        VerificationReport after = verifierAt(FIVE_YEARS_ON).verify(p);

        assertThat(after.indication()).as(after.toString()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(after.timeStamps()).extracting(TimeStampVerdict::kind)
                .containsExactly(TimeStampVerdict.Kind.SIGNATURE, TimeStampVerdict.Kind.ARCHIVE);
        assertThat(after.timeStamps()).allMatch(TimeStampVerdict::isValid);
        assertThat(after.files()).allMatch(f -> f.status() == FileStatus.OK);
        assertThat(after.toJson()).contains("\"type\": \"archive-time-stamp\"");
    }

    @Test
    void anEditedArchiveManifestIsReportedAndProvesNothing() {
        Path p = PackageSigner.builder(CA.sealP256()).crl(CA.crl()).build()
                .sign(contentsOf(someMaterials()), dir.resolve("edited.asice")).path();
        PackageExtender.addArchiveTimeStamp(p, TSA);
        List<Map.Entry<String, byte[]>> e = Zips.read(p);
        String manifest = new String(Zips.get(e, "META-INF/ASiCArchiveManifest.xml"), StandardCharsets.UTF_8);
        Zips.put(e, "META-INF/ASiCArchiveManifest.xml",
                manifest.replace("application/octet-stream", "application/pdf").getBytes(StandardCharsets.UTF_8));

        VerificationReport r = verifierAt(FIVE_YEARS_ON).verify(Zips.write(dir.resolve("t.asice"), e));

        TimeStampVerdict archive = r.timeStamps().get(0);
        assertThat(archive.kind()).isEqualTo(TimeStampVerdict.Kind.ARCHIVE);
        assertThat(archive.messageImprintMatches()).isFalse();
        assertThat(r.warnings()).anyMatch(w -> w.contains("archive time-stamp is not used"));
        assertThat(r.subIndication()).contains(SubIndication.OUT_OF_BOUNDS_NO_POE);
    }

    @Test
    void aFileAddedAfterTheArchiveTimeStampIsStillUnexpected() {
        Path p = PackageSigner.builder(CA.sealP256()).crl(CA.crl()).timeStampSource(TSA).build()
                .sign(contentsOf(someMaterials()), dir.resolve("added.asice")).path();
        PackageExtender.addArchiveTimeStamp(p, TSA);
        List<Map.Entry<String, byte[]>> e = Zips.read(p);
        Zips.add(e, "META-INF/timestamp2.tst", new byte[] {1});

        VerificationReport r = PackageFixture.verifierTrustingTheCa().verify(Zips.write(dir.resolve("t.asice"), e));

        assertThat(r.subIndication()).contains(SubIndication.FORMAT_FAILURE);
        assertThat(r.timeStamps().get(1).problems()).anyMatch(m -> m.contains("not covered by the archive"));
    }

    @Test
    void readsEachFileOnceThoughTwoManifestsListIt() {
        Path p = PackageFixture.aSignedPackage(dir);
        PackageExtender.addArchiveTimeStamp(p, TSA);
        long everyByteOnce = Zips.read(p).stream().mapToLong(e -> e.getValue().length).sum();

        VerificationReport r = PackageVerifier.builder().trustAnchor(CA.caCertificate())
                .limits(new PackageLimits(1_000, 2L << 30, everyByteOnce, 4 << 20)).build().verify(p);

        assertThat(r.isValid()).as(r.toString()).isTrue();
    }

    @Test
    void refusesToAddASecondArchiveTimeStamp() {
        Path p = PackageFixture.aSignedPackage(dir);
        PackageExtender.addArchiveTimeStamp(p, TSA);

        assertThatThrownBy(() -> PackageExtender.addArchiveTimeStamp(p, TSA))
                .isInstanceOf(SigningException.class).hasMessageContaining("renewing one is not supported yet");
    }
}
