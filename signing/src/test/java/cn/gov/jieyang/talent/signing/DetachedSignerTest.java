package cn.gov.jieyang.talent.signing;

import static cn.gov.jieyang.talent.signing.PackageFixture.CA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.Test;

/** Detached signatures over bytes (a PDF report's byte range): verifiable by anyone with Bouncy Castle. */
class DetachedSignerTest {

    private static final byte[] CONTENT = "%PDF-1.7 the byte range of a report".getBytes(StandardCharsets.US_ASCII);

    @Test
    void signsBytesThatVerifyAgainstTheSealAndNothingElse() throws Exception {
        byte[] cms = DetachedSigner.builder(CA.sealP256()).crl(CA.crl()).build().sign(CONTENT, Instant.now());

        assertThat(verifies(cms, CONTENT)).isTrue();
        byte[] other = CONTENT.clone();
        other[3] ^= 1;
        assertThat(verifies(cms, other)).isFalse();
    }

    @Test
    void carriesTheTsaTokenAsTheSignatureTimeStamp() throws Exception {
        byte[] cms = DetachedSigner.builder(CA.sealP256()).crl(CA.crl()).timeStampSource(PackageFixture.TSA).build()
                .sign(CONTENT, Instant.now());

        SignerInformation si = new CMSSignedData(new CMSProcessableByteArray(CONTENT), cms)
                .getSignerInfos().getSigners().iterator().next();
        assertThat(si.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken)).isNotNull();
        assertThat(verifies(cms, CONTENT)).isTrue();
    }

    @Test
    void failsWhenItsTsaIsDownOrTheSealIsNotValidThen() throws Exception {
        DetachedSigner down = DetachedSigner.builder(CA.sealP256())
                .timeStampSource(TimeStampSource.http(TimeStampedSigningTest.aClosedPort(), Duration.ofSeconds(2))).build();
        assertThatThrownBy(() -> down.sign(CONTENT, Instant.now())).isInstanceOfSatisfying(SigningException.class,
                e -> assertThat(e.reason()).isEqualTo(SigningException.Reason.TIME_STAMP_FAILURE));
        assertThatThrownBy(() -> DetachedSigner.builder(CA.sealP256()).build()
                .sign(CONTENT, Instant.parse("1999-01-01T00:00:00Z")))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.reason()).isEqualTo(SigningException.Reason.CERTIFICATE_UNUSABLE));
    }

    private static boolean verifies(byte[] cms, byte[] content) throws Exception {
        CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(content), cms);
        SignerInformation si = signed.getSignerInfos().getSigners().iterator().next();
        X509CertificateHolder cert = (X509CertificateHolder) signed.getCertificates().getMatches(si.getSID())
                .iterator().next();
        try {
            return si.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert));
        } catch (org.bouncycastle.cms.CMSSignerDigestMismatchException e) {
            return false;
        }
    }
}
