package cn.gov.jieyang.talent.signing;

import static cn.gov.jieyang.talent.signing.PackageFixture.aSignedPackage;
import static cn.gov.jieyang.talent.signing.PackageFixture.verifierTrustingTheCa;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A signature that verifies mathematically but breaks a constraint of this policy (a signed attribute
 * missing, an algorithm not accepted, a certificate that may not sign) is INDETERMINATE, as
 * ETSI EN 319 102-1 classifies SIG_CONSTRAINTS_FAILURE, CRYPTO_CONSTRAINTS_FAILURE and
 * CHAIN_CONSTRAINTS_FAILURE: never valid, and never able to hide tampering, which stays TOTAL_FAILED.
 */
class SignatureConstraintsTest {

    private static final String MANIFEST = "META-INF/ASiCManifest.xml";
    private static final String SIGNATURE = "META-INF/signature.p7s";

    @TempDir
    Path dir;

    @Test
    void aSignatureWithoutSigningTimeIsIndeterminateForItsConstraints() {
        VerificationReport r = verifyResigned(Resigner.with(Resigner.developmentSeal())
                .without(CMSAttributes.signingTime));

        assertThat(r.indication()).as(r.toString()).isEqualTo(Indication.INDETERMINATE);
        assertThat(r.subIndication()).contains(SubIndication.SIG_CONSTRAINTS_FAILURE);
        assertThat(r.problems()).anyMatch(p -> p.contains("signing-time"));
    }

    @Test
    void aSignatureWithoutSigningCertificateV2IsIndeterminateForItsConstraints() {
        VerificationReport r = verifyResigned(Resigner.with(Resigner.developmentSeal())
                .without(PKCSObjectIdentifiers.id_aa_signingCertificateV2));

        assertThat(r.indication()).as(r.toString()).isEqualTo(Indication.INDETERMINATE);
        assertThat(r.subIndication()).contains(SubIndication.SIG_CONSTRAINTS_FAILURE);
    }

    @Test
    void aSha1SignatureIsIndeterminateForTheCryptographicConstraints() {
        VerificationReport r = verifyResigned(Resigner.with(Resigner.developmentSeal()).algorithm("SHA1withECDSA"));

        assertThat(r.indication()).as(r.toString()).isEqualTo(Indication.INDETERMINATE);
        assertThat(r.subIndication()).contains(SubIndication.CRYPTO_CONSTRAINTS_FAILURE);
        assertThat(r.isValid()).isFalse();
    }

    @Test
    void aSha1SignatureOverAManifestEditedAfterSigningIsStillTotalFailed() {
        // The weak algorithm must not turn detectable tampering into a mere "indeterminate": the
        // signature value is still checked, and the edited manifest no longer matches it.
        List<Map.Entry<String, byte[]>> e = Zips.read(aSignedPackage(dir));
        String manifest = new String(Zips.get(e, MANIFEST), StandardCharsets.UTF_8);
        Zips.put(e, SIGNATURE, Resigner.with(Resigner.developmentSeal()).algorithm("SHA1withECDSA")
                .sign(Zips.get(e, MANIFEST)));
        String edited = manifest.replaceAll("(?s)\\s*<asic:DataObjectReference URI=\"photos/award.jpg\".*?"
                + "</asic:DataObjectReference>", "");
        assertThat(edited).isNotEqualTo(manifest);
        Zips.put(e, MANIFEST, edited.getBytes(StandardCharsets.UTF_8));
        Zips.remove(e, "photos/award.jpg");

        VerificationReport r = verifierTrustingTheCa().verify(Zips.write(dir.resolve("edited.asice"), e));

        assertThat(r.indication()).as(r.toString()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(r.subIndication()).contains(SubIndication.HASH_FAILURE);
        assertThat(r.problems()).anyMatch(p -> p.contains("algorithm this policy does not accept"));
    }

    @Test
    void aCertificateWhoseKeyUsageForbidsSigningIsIndeterminateForTheChainConstraints() {
        Resigner.Seal seal = Resigner.sealWhoseCertificateMayNotSign();
        Path p = resigned(Resigner.with(seal));

        VerificationReport r = PackageVerifier.builder().trustAnchor(seal.root()).build().verify(p);

        assertThat(r.indication()).as(r.toString()).isEqualTo(Indication.INDETERMINATE);
        assertThat(r.subIndication()).contains(SubIndication.CHAIN_CONSTRAINTS_FAILURE);
        assertThat(r.signer().orElseThrow().chainStatus()).isEqualTo(ChainStatus.NOT_ALLOWED_TO_SIGN);
    }

    @Test
    void aConstraintFailureDoesNotHideAModifiedFile() {
        List<Map.Entry<String, byte[]>> e = Zips.read(aSignedPackage(dir));
        Zips.put(e, SIGNATURE, Resigner.with(Resigner.developmentSeal()).without(CMSAttributes.signingTime)
                .sign(Zips.get(e, MANIFEST)));
        byte[] pdf = Zips.get(e, "id-card.pdf").clone();
        pdf[pdf.length / 2] ^= 0x01;
        Zips.put(e, "id-card.pdf", pdf);

        VerificationReport r = verifierTrustingTheCa().verify(Zips.write(dir.resolve("modified.asice"), e));

        assertThat(r.indication()).as(r.toString()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(r.subIndication()).contains(SubIndication.HASH_FAILURE);
    }

    private VerificationReport verifyResigned(Resigner resigner) {
        return verifierTrustingTheCa().verify(resigned(resigner));
    }

    /** The genuine package with its manifest signed again by the resigner; nothing else changed. */
    private Path resigned(Resigner resigner) {
        List<Map.Entry<String, byte[]>> e = Zips.read(aSignedPackage(dir));
        Zips.put(e, SIGNATURE, resigner.sign(Zips.get(e, MANIFEST)));
        return Zips.write(dir.resolve("resigned.asice"), e);
    }
}
