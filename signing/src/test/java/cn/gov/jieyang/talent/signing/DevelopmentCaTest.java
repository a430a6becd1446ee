package cn.gov.jieyang.talent.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code dev-ca} writes, and the certificate profiles tests rely on. */
class DevelopmentCaTest {

    @TempDir
    Path dir;

    @Test
    void writesATsaKeyStoreWithTheSealsPasswordAndTheCriticalTimeStampingUsage() throws Exception {
        char[] password = "dev-password".toCharArray();
        PackageFixture.CA.writeTo(dir, password);

        SigningKey tsa = SigningKey.fromPkcs12(dir.resolve(DevelopmentCa.TSA_P12), password);

        X509Certificate cert = tsa.certificate();
        assertThat(cert.getSubjectX500Principal().getName()).contains("DEVELOPMENT time-stamping authority");
        assertThat(cert.getCriticalExtensionOIDs()).contains(Extension.extendedKeyUsage.getId());
        assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.8");
        cert.verify(PackageFixture.CA.caCertificate().getPublicKey());
        assertThat(dir.resolve(DevelopmentCa.TSA_P12)).isReadable();
        assertThat(java.nio.file.Files.getPosixFilePermissions(dir.resolve(DevelopmentCa.TSA_P12)))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void issuesSealsAndTsasWithTheLifetimeAsked() throws Exception {
        SigningKey seal = PackageFixture.CA.issueSeal(SignatureAlgorithm.ECDSA_P256_SHA256,
                "DEVELOPMENT short-lived seal", Duration.ofDays(2));
        SigningKey tsa = PackageFixture.CA.issueTsa("DEVELOPMENT short-lived TSA", Duration.ofDays(1));

        for (var k : List.of(seal, tsa)) {
            assertThat(k.certificate().getNotAfter().toInstant()).isBefore(Instant.now().plus(Duration.ofDays(3)));
        }
        assertThat(seal.certificate().getExtendedKeyUsage()).isNull();
    }
}
