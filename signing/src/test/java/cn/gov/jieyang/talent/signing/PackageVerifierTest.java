package cn.gov.jieyang.talent.signing;

import static cn.gov.jieyang.talent.signing.PackageFixture.CA;
import static cn.gov.jieyang.talent.signing.PackageFixture.aSignedPackage;
import static cn.gov.jieyang.talent.signing.PackageFixture.someMaterials;
import static cn.gov.jieyang.talent.signing.PackageFixture.verifierTrustingTheCa;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an auditor sees for a genuine package and for each way it can be tampered with. */
class PackageVerifierTest {

    @TempDir
    Path dir;

    @Test
    void acceptsTheGenuinePackageWithSignerAndSigningTime() {
        Instant before = Instant.now().minusSeconds(1);
        VerificationReport r = verifierTrustingTheCa().verify(aSignedPackage(dir));

        assertThat(r.indication()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(r.subIndication()).isEmpty();
        assertThat(r.problems()).isEmpty();
        assertThat(r.files()).extracting(FileVerdict::name).containsExactly(
                "application-summary.json", "id-card.pdf", "application-form.pdf", "photos/award.jpg");
        assertThat(r.files()).allMatch(f -> f.status() == FileStatus.OK);
        SignerDetails s = r.signer().orElseThrow();
        assertThat(s.subject()).contains("DEVELOPMENT bureau seal (P-256)");
        assertThat(s.signatureAlgorithm()).isEqualTo("SHA256withECDSA");
        assertThat(s.chainStatus()).isEqualTo(ChainStatus.VALID);
        assertThat(s.chain()).hasSize(2);
        assertThat(s.signingTime()).isAfterOrEqualTo(before.truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                .isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void acceptsAnSm2PackageSignedWithSm3() {
        Path p = aSignedPackage(dir, "sm2.asice", CA.sealSm2(), someMaterials());

        VerificationReport r = verifierTrustingTheCa().verify(p);

        assertThat(r.isValid()).as(r.toString()).isTrue();
        assertThat(r.signer().orElseThrow().signatureAlgorithm()).isEqualTo("SM3withSM2");
        assertThat(r.signer().orElseThrow().digestAlgorithm()).isEqualTo("SM3");
    }

    @Test
    void reportsAFileWithOneByteChangedAsModified() {
        List<Map.Entry<String, byte[]>> e = Zips.read(aSignedPackage(dir));
        byte[] pdf = Zips.get(e, "id-card.pdf").clone();
        pdf[pdf.length / 2] ^= 0x01;
        Zips.put(e, "id-card.pdf", pdf);

        VerificationReport r = verify(e);

        assertThat(r.indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(r.subIndication()).contains(SubIndication.HASH_FAILURE);
        assertThat(status(r, "id-card.pdf")).isEqualTo(FileStatus.MODIFIED);
        assertThat(status(r, "application-form.pdf")).isEqualTo(FileStatus.OK);
    }

    @Test
    void reportsAFileAddedAfterSigningAsUnexpected() {
        List<Map.Entry<String, byte[]>> e = Zips.read(aSignedPackage(dir));
        Zips.add(e, "extra-evidence.pdf", PackageFixture.pdf("forged", 3_000));

        VerificationReport r = verify(e);

        assertThat(r.indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(r.subIndication()).contains(SubIndication.FORMAT_FAILURE);
        assertThat(status(r, "extra-evidence.pdf")).isEqualTo(FileStatus.UNEXPECTED);
    }

    @Test
    void reportsARemovedFileAsMissing() {
        List<Map.Entry<String, byte[]>> e = Zips.read(aSignedPackage(dir));
        Zips.remove(e, "photos/award.jpg");

        VerificationReport r = verify(e);

        assertThat(r.indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(r.subIndication()).contains(SubIndication.SIGNED_DATA_NOT_FOUND);
        assertThat(status(r, "photos/award.jpg")).isEqualTo(FileStatus.MISSING);
    }

    @Test
    void reportsARenamedFileAsMissingUnderItsOldNameAndUnexpectedUnderItsNew() {
        List<Map.Entry<String, byte[]>> e = Zips.read(aSignedPackage(dir));
        byte[] pdf = Zips.get(e, "id-card.pdf");
        Zips.remove(e, "id-card.pdf");
        Zips.add(e, "passport.pdf", pdf);

        VerificationReport r = verify(e);

        assertThat(r.indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(status(r, "id-card.pdf")).isEqualTo(FileStatus.MISSING);
        assertThat(status(r, "passport.pdf")).isEqualTo(FileStatus.UNEXPECTED);
    }

    @Test
    void reportsAnEditedManifestThatHidesARemovedFileAsHashFailure() {
        List<Map.Entry<String, byte[]>> e = Zips.read(aSignedPackage(dir));
        // The careful attacker: remove a material AND its line in the manifest, so every file matches.
        String manifest = new String(Zips.get(e, "META-INF/ASiCManifest.xml"), StandardCharsets.UTF_8);
        String edited = manifest.replaceAll("(?s)\\s*<asic:DataObjectReference URI=\"photos/award.jpg\".*?"
                + "</asic:DataObjectReference>", "");
        assertThat(edited).isNotEqualTo(manifest);
        Zips.put(e, "META-INF/ASiCManifest.xml", edited.getBytes(StandardCharsets.UTF_8));
        Zips.remove(e, "photos/award.jpg");

        VerificationReport r = verify(e);

        assertThat(r.indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(r.subIndication()).contains(SubIndication.HASH_FAILURE);
        assertThat(r.problems()).anyMatch(p -> p.contains("manifest is not the one that was signed"));
    }

    @Test
    void reportsAnotherValidSignatureOfTheSameSealSwappedInAsHashFailure() {
        Path genuine = aSignedPackage(dir);
        Map<String, byte[]> other = someMaterials();
        other.put("id-card.pdf", PackageFixture.pdf("someone else's card", 4_000));
        Path another = aSignedPackage(dir, "other.asice", CA.sealP256(), other);
        List<Map.Entry<String, byte[]>> e = Zips.read(genuine);
        Zips.put(e, "META-INF/signature.p7s", Zips.get(Zips.read(another), "META-INF/signature.p7s"));

        VerificationReport r = verify(e);

        assertThat(r.indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(r.subIndication()).contains(SubIndication.HASH_FAILURE);
    }

    @Test
    void reportsAPackageResignedByAnUntrustedSealAsIndeterminate() {
        // Same materials, a perfectly valid signature, but by a seal from a CA the auditor does not trust.
        DevelopmentCa rogue = DevelopmentCa.generate();
        Path p = PackageSigner.builder(rogue.sealP256()).crl(rogue.crl()).build()
                .sign(PackageFixture.contentsOf(someMaterials()), dir.resolve("rogue.asice")).path();

        VerificationReport r = verifierTrustingTheCa().verify(p);

        assertThat(r.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(r.subIndication()).contains(SubIndication.NO_CERTIFICATE_CHAIN_FOUND);
        assertThat(r.signer().orElseThrow().chainStatus()).isEqualTo(ChainStatus.UNTRUSTED);
        assertThat(r.files()).allMatch(f -> f.status() == FileStatus.OK);
    }

    @Test
    void reportsACorruptedSignatureValueAsCryptoFailure() {
        List<Map.Entry<String, byte[]>> e = Zips.read(aSignedPackage(dir));
        byte[] p7s = Zips.get(e, "META-INF/signature.p7s").clone();
        // No unsigned attributes: the signature value's last INTEGER ends the structure.
        p7s[p7s.length - 1] ^= 0x01;
        Zips.put(e, "META-INF/signature.p7s", p7s);

        VerificationReport r = verify(e);

        assertThat(r.indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(r.subIndication()).contains(SubIndication.SIG_CRYPTO_FAILURE);
    }

    @Test
    void isIndeterminateWithoutATrustAnchor() {
        VerificationReport r = PackageVerifier.builder().build().verify(aSignedPackage(dir));

        assertThat(r.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(r.signer().orElseThrow().chainStatus()).isEqualTo(ChainStatus.NO_TRUST_ANCHOR);
        assertThat(r.problems()).anyMatch(p -> p.contains("--trust"));
    }

    @Test
    void failsASealRevokedBeforeSigning() {
        SigningKey seal = CA.issueSeal(SignatureAlgorithm.ECDSA_P256_SHA256, "DEVELOPMENT compromised seal");
        var crl = CA.revoke(seal.certificate(), Instant.now().minusSeconds(30));
        Path p = PackageSigner.builder(seal).crl(crl).build()
                .sign(PackageFixture.contentsOf(someMaterials()), dir.resolve("revoked.asice")).path();

        VerificationReport r = verifierTrustingTheCa().verify(p);

        assertThat(r.indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(r.subIndication()).contains(SubIndication.REVOKED);
    }

    @Test
    void acceptsASealRevokedOnlyAfterSigning() {
        SigningKey seal = CA.issueSeal(SignatureAlgorithm.ECDSA_P256_SHA256, "DEVELOPMENT later-revoked seal");
        var crl = CA.revoke(seal.certificate(), Instant.now().plusSeconds(3600));
        Path p = PackageSigner.builder(seal).crl(crl).build()
                .sign(PackageFixture.contentsOf(someMaterials()), dir.resolve("later.asice")).path();

        assertThat(verifierTrustingTheCa().verify(p).isValid()).isTrue();
    }

    @Test
    void isIndeterminateWhenNoCrlWasEmbedded() {
        Path p = PackageSigner.builder(CA.sealP256()).build()
                .sign(PackageFixture.contentsOf(someMaterials()), dir.resolve("no-crl.asice")).path();

        VerificationReport r = verifierTrustingTheCa().verify(p);

        assertThat(r.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(r.subIndication()).contains(SubIndication.TRY_LATER);
        assertThat(r.signer().orElseThrow().chainStatus()).isEqualTo(ChainStatus.NO_REVOCATION_INFO);
    }

    @Test
    void jsonReportCarriesTheVerdicts() {
        List<Map.Entry<String, byte[]>> e = Zips.read(aSignedPackage(dir));
        Zips.add(e, "x\"y.pdf", new byte[] {1});

        String json = verify(e).toJson();

        assertThat(json).contains("\"indication\": \"TOTAL_FAILED\"", "\"subIndication\": \"FORMAT_FAILURE\"",
                "\"status\": \"UNEXPECTED\"", "\"name\": \"x\\\"y.pdf\"", "\"chainStatus\": \"VALID\"");
    }

    private VerificationReport verify(List<Map.Entry<String, byte[]>> entries) {
        return verifierTrustingTheCa().verify(Zips.write(dir.resolve("tampered.asice"), entries));
    }

    private static FileStatus status(VerificationReport r, String name) {
        return r.files().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow().status();
    }
}
