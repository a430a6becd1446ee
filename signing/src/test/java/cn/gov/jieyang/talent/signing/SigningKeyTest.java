package cn.gov.jieyang.talent.signing;

import static cn.gov.jieyang.talent.signing.PackageFixture.CA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.jieyang.talent.signing.SigningException.Reason;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A seal key is checked once, when it is loaded: nothing weak or mismatched ever signs. */
class SigningKeyTest {

    @TempDir
    Path dir;

    @Test
    void loadsBothSealsFromTheKeyStoresDevCaWrites() {
        CA.writeTo(dir, "s3cret-pw".toCharArray());

        SigningKey p256 = SigningKey.fromPkcs12(dir.resolve(DevelopmentCa.SEAL_P12), "s3cret-pw".toCharArray());
        SigningKey sm2 = SigningKey.fromPkcs12(dir.resolve(DevelopmentCa.SEAL_SM2_P12), "s3cret-pw".toCharArray());

        assertThat(p256.algorithm()).isEqualTo(SignatureAlgorithm.ECDSA_P256_SHA256);
        assertThat(sm2.algorithm()).isEqualTo(SignatureAlgorithm.SM2_SM3);
        assertThat(p256.chain()).hasSize(2);
        assertThat(PkiFiles.readCertificates(dir.resolve(DevelopmentCa.CA_PEM))).containsExactly(CA.caCertificate());
        assertThat(PkiFiles.readCrl(dir.resolve(DevelopmentCa.CA_CRL))).isEqualTo(CA.crl());
    }

    @Test
    void refusesAWrongPasswordWithoutEchoingIt() {
        CA.writeTo(dir, "right-password".toCharArray());

        SigningException e = assertRefused(
                () -> SigningKey.fromPkcs12(dir.resolve(DevelopmentCa.SEAL_P12), "guess-123".toCharArray()),
                Reason.KEY_STORE_UNREADABLE);
        assertThat(e.getMessage()).doesNotContain("guess-123");
    }

    @Test
    void refusesAnRsaKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair kp = g.generateKeyPair();

        assertRefused(() -> SigningKey.of(kp.getPrivate(), List.of(selfSigned(kp, "SHA256withRSA", false))),
                Reason.WEAK_OR_UNSUPPORTED_KEY);
    }

    @Test
    void refusesAnEcKeyOnAnotherCurve() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp384r1"));
        KeyPair kp = g.generateKeyPair();

        assertRefused(() -> SigningKey.of(kp.getPrivate(), List.of(selfSigned(kp, "SHA384withECDSA", false))),
                Reason.WEAK_OR_UNSUPPORTED_KEY);
    }

    @Test
    void refusesAPrivateKeyThatDoesNotMatchTheCertificate() {
        SigningKey other = CA.issueSeal(SignatureAlgorithm.ECDSA_P256_SHA256, "DEVELOPMENT other seal");

        assertRefused(() -> SigningKey.of(other.privateKey(), CA.sealP256().chain()), Reason.CERTIFICATE_UNUSABLE);
    }

    @Test
    void refusesToSignWithACaCertificate() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair kp = g.generateKeyPair();

        assertRefused(() -> SigningKey.of(kp.getPrivate(), List.of(selfSigned(kp, "SHA256withECDSA", true))),
                Reason.CERTIFICATE_UNUSABLE);
    }

    private static SigningException assertRefused(ThrowingCallable call, Reason reason) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(t).isInstanceOf(SigningException.class);
        assertThat(((SigningException) t).reason()).isEqualTo(reason);
        return (SigningException) t;
    }

    private static X509Certificate selfSigned(KeyPair kp, String alg, boolean ca) throws Exception {
        X500Name name = new X500Name("CN=test");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var b = new JcaX509v3CertificateBuilder(name, BigInteger.TEN, Date.from(now.minusSeconds(60)),
                Date.from(now.plusSeconds(3600)), name, kp.getPublic());
        if (ca) {
            b.addExtension(org.bouncycastle.asn1.x509.Extension.basicConstraints, true,
                    new org.bouncycastle.asn1.x509.BasicConstraints(true));
        }
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder(alg).build(kp.getPrivate())));
    }
}
