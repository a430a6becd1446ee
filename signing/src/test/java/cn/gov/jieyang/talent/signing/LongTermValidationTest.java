package cn.gov.jieyang.talent.signing;

import static cn.gov.jieyang.talent.signing.PackageFixture.CA;
import static cn.gov.jieyang.talent.signing.PackageFixture.TSA;
import static cn.gov.jieyang.talent.signing.PackageFixture.aSignedPackage;
import static cn.gov.jieyang.talent.signing.PackageFixture.contentsOf;
import static cn.gov.jieyang.talent.signing.PackageFixture.someMaterials;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.signing.internal.SignatureTimeStamper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Validation years later: what a time-stamp proves, and what a package without one can no longer show. */
class LongTermValidationTest {

    static final Instant FIVE_YEARS_ON = Instant.now().plus(Duration.ofDays(5 * 365 + 1));

    @TempDir
    Path dir;

    @Test
    void aTimeStampedPackageStillPassesFiveYearsOnAfterTheSealHasExpired() {
        Path p = stamped("t.asice", CA.sealP256(), TSA);
        assertThat(CA.sealP256().certificate().getNotAfter().toInstant()).isBefore(FIVE_YEARS_ON);

        VerificationReport r = verifierAt(FIVE_YEARS_ON).verify(p);

        assertThat(r.indication()).as(r.toString()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(r.validationTime()).isEqualTo(FIVE_YEARS_ON);
        TimeStampVerdict ts = r.timeStamps().get(0);
        assertThat(ts.isValid()).isTrue();
        assertThat(ts.messageImprintMatches()).isTrue();
        assertThat(ts.tsaChainStatus()).isEqualTo(ChainStatus.VALID);
        assertThat(ts.tsaSubject()).contains("DEVELOPMENT time-stamping authority");
        assertThat(r.proofOfExistence()).contains(ts.genTime());
        assertThat(r.signer().orElseThrow().chainStatus()).isEqualTo(ChainStatus.VALID);
    }

    @Test
    void withoutATimeStampAPackageIsIndeterminateOnceTheSealHasExpired() {
        Path p = aSignedPackage(dir);
        assertThat(CA.sealP256().certificate().getNotAfter().toInstant()).isBefore(FIVE_YEARS_ON);

        VerificationReport r = verifierAt(FIVE_YEARS_ON).verify(p);

        assertThat(r.indication()).as(r.toString()).isEqualTo(Indication.INDETERMINATE);
        assertThat(r.subIndication()).contains(SubIndication.OUT_OF_BOUNDS_NO_POE);
        assertThat(r.signer().orElseThrow().chainStatus()).isEqualTo(ChainStatus.EXPIRED);
        assertThat(r.problems()).anyMatch(m -> m.contains("expired on") && m.contains("no valid time-stamp"));
        assertThat(r.proofOfExistence()).isEmpty();
    }

    @Test
    void aTimeStampOverOtherBytesIsReportedAndProvesNothing() throws Exception {
        byte[] other = MessageDigest.getInstance("SHA-256").digest("other bytes".getBytes(StandardCharsets.US_ASCII));
        Path p = withToken(aSignedPackage(dir), tokenFrom(TSA, other));

        VerificationReport today = PackageFixture.verifierTrustingTheCa().verify(p);
        VerificationReport later = verifierAt(FIVE_YEARS_ON).verify(p);

        assertThat(today.isValid()).as("a failed time-stamp is ignored, as ETSI has it").isTrue();
        assertThat(today.warnings()).singleElement().asString().contains("other bytes than this signature's value");
        TimeStampVerdict ts = today.timeStamps().get(0);
        assertThat(ts.isValid()).isFalse();
        assertThat(ts.messageImprintMatches()).isFalse();
        assertThat(later.subIndication()).contains(SubIndication.OUT_OF_BOUNDS_NO_POE);
    }

    @Test
    void aTsaCertificateWithoutTheTimeStampingUsageIsReported() throws Exception {
        SigningKey seal = CA.issueSeal(SignatureAlgorithm.ECDSA_P256_SHA256, "DEVELOPMENT seal posing as a TSA");
        Path p = aSignedPackage(dir);
        byte[] imprint = MessageDigest.getInstance("SHA-256").digest(signatureValue(p));
        p = withToken(p, ForgedTimeStamps.token(seal, imprint, null, Instant.now()));

        VerificationReport r = verifierAt(FIVE_YEARS_ON).verify(p);

        TimeStampVerdict ts = r.timeStamps().get(0);
        assertThat(ts.messageImprintMatches()).isTrue();
        assertThat(ts.signatureValid()).isTrue();
        assertThat(ts.tsaChainStatus()).isEqualTo(ChainStatus.NOT_ALLOWED_TO_SIGN);
        assertThat(ts.problems()).singleElement().asString().contains("not a time-stamping authority's");
        assertThat(r.subIndication()).contains(SubIndication.OUT_OF_BOUNDS_NO_POE);
    }

    @Test
    void aRevokedTsaIsReportedAndItsTimeStampProvesNothing() {
        SigningKey tsaKey = CA.issueTsa("DEVELOPMENT TSA to be revoked", Duration.ofDays(3650));
        Path p = stamped("r.asice", CA.sealP256(), DevelopmentTsa.of(tsaKey));
        var crl = CA.revoke(tsaKey.certificate(), Instant.now());

        VerificationReport r = PackageVerifier.builder().trustAnchor(CA.caCertificate()).crl(crl)
                .validationTime(FIVE_YEARS_ON).build().verify(p);

        TimeStampVerdict ts = r.timeStamps().get(0);
        assertThat(ts.tsaChainStatus()).isEqualTo(ChainStatus.REVOKED);
        assertThat(ts.problems()).anyMatch(m -> m.contains("was revoked on"));
        assertThat(r.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(r.subIndication()).contains(SubIndication.OUT_OF_BOUNDS_NO_POE);
    }

    @Test
    void aSealRevokedAfterItsTimeStampStillPasses() {
        SigningKey seal = CA.issueSeal(SignatureAlgorithm.ECDSA_P256_SHA256, "DEVELOPMENT seal revoked later");
        Path p = stamped("later.asice", seal, TSA);
        var crl = CA.revoke(seal.certificate(), Instant.now().plusSeconds(5));

        VerificationReport r = PackageVerifier.builder().trustAnchor(CA.caCertificate()).crl(crl)
                .validationTime(Instant.now().plus(Duration.ofDays(30))).build().verify(p);

        assertThat(r.isValid()).as(r.toString()).isTrue();
    }

    @Test
    void aSealRevokedWithNoTimeStampBeforeTheRevocationIsIndeterminate() {
        SigningKey seal = CA.issueSeal(SignatureAlgorithm.ECDSA_P256_SHA256, "DEVELOPMENT seal revoked, no POE");
        Path p = aSignedPackage(dir, "no-poe.asice", seal, someMaterials());
        var crl = CA.revoke(seal.certificate(), Instant.now().plusSeconds(5));

        VerificationReport r = PackageVerifier.builder().trustAnchor(CA.caCertificate()).crl(crl)
                .validationTime(Instant.now().plus(Duration.ofDays(30))).build().verify(p);

        assertThat(r.indication()).as(r.toString()).isEqualTo(Indication.INDETERMINATE);
        assertThat(r.subIndication()).contains(SubIndication.REVOKED_NO_POE);
        assertThat(r.signer().orElseThrow().chainStatus()).isEqualTo(ChainStatus.REVOKED);
    }

    @Test
    void theJsonReportListsEachTimeStamp() {
        String json = verifierAt(FIVE_YEARS_ON).verify(stamped("j.asice", CA.sealP256(), TSA)).toJson();

        assertThat(json).contains("\"validationTime\": \"" + FIVE_YEARS_ON + "\"", "\"proofOfExistence\": \"",
                "\"timeStamps\": [", "\"type\": \"signature-time-stamp\"", "DEVELOPMENT time-stamping authority",
                "\"genTime\": \"", "\"messageImprintMatches\": true", "\"tsaChainStatus\": \"VALID\"");
    }

    static PackageVerifier verifierAt(Instant time) {
        return PackageVerifier.builder().trustAnchor(CA.caCertificate()).validationTime(time).build();
    }

    private Path stamped(String name, SigningKey seal, TimeStampSource tsa) {
        return PackageSigner.builder(seal).crl(CA.crl()).timeStampSource(tsa).build()
                .sign(contentsOf(someMaterials()), dir.resolve(name)).path();
    }

    private Path withToken(Path p, byte[] token) {
        List<Map.Entry<String, byte[]>> e = Zips.read(p);
        Zips.put(e, "META-INF/signature.p7s", SignatureTimeStamper.addToken(Zips.get(e, "META-INF/signature.p7s"), token));
        return Zips.write(dir.resolve("with-token.asice"), e);
    }

    static byte[] signatureValue(Path p) throws Exception {
        return new org.bouncycastle.cms.CMSSignedData(Zips.get(Zips.read(p), "META-INF/signature.p7s"))
                .getSignerInfos().getSigners().iterator().next().getSignature();
    }

    /** A genuine token from the TSA, over whatever digest it is asked for. */
    static byte[] tokenFrom(TimeStampSource tsa, byte[] sha256) throws Exception {
        var g = new org.bouncycastle.tsp.TimeStampRequestGenerator();
        g.setCertReq(true);
        byte[] answer = tsa.exchange(g.generate(org.bouncycastle.tsp.TSPAlgorithms.SHA256, sha256).getEncoded());
        return new org.bouncycastle.tsp.TimeStampResponse(answer).getTimeStampToken().getEncoded();
    }
}
