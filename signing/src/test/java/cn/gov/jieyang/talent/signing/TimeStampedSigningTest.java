package cn.gov.jieyang.talent.signing;

import static cn.gov.jieyang.talent.signing.PackageFixture.CA;
import static cn.gov.jieyang.talent.signing.PackageFixture.contentsOf;
import static cn.gov.jieyang.talent.signing.PackageFixture.someMaterials;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CAdES-T at signing: the token lands in the signature, and a TSA that fails leaves nothing behind. */
class TimeStampedSigningTest {

    @TempDir
    Path dir;

    @Test
    void storesTheTsaTokenAsTheSignatureTimeStampAttribute() throws Exception {
        Instant before = Instant.now().minusSeconds(1);

        SignedPackage p = PackageSigner.builder(CA.sealP256()).crl(CA.crl())
                .timeStampSource(PackageFixture.TSA).build()
                .sign(contentsOf(someMaterials()), dir.resolve("t.asice"));

        assertThat(p.timeStamp()).isAfter(before).isBeforeOrEqualTo(Instant.now());
        assertThat(p.warnings()).isEmpty();
        SignerInformation si = new CMSSignedData(Zips.get(Zips.read(p.path()), "META-INF/signature.p7s"))
                .getSignerInfos().getSigners().iterator().next();
        assertThat(si.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken)).isNotNull();
    }

    @Test
    void failsAndLeavesNoFileWhenTheTsaIsDown() throws Exception {
        PackageSigner signer = PackageSigner.builder(CA.sealP256()).crl(CA.crl())
                .timeStampSource(TimeStampSource.http(aClosedPort(), Duration.ofSeconds(2))).build();

        assertThatThrownBy(() -> signer.sign(contentsOf(someMaterials()), dir.resolve("t.asice")))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.reason()).isEqualTo(SigningException.Reason.TIME_STAMP_FAILURE))
                .hasMessageContaining("did not answer");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void fallsBackToBaselineBWithAWarningWhenAllowed() throws Exception {
        SignedPackage p = PackageSigner.builder(CA.sealP256()).crl(CA.crl())
                .timeStampSource(TimeStampSource.http(aClosedPort(), Duration.ofSeconds(2)))
                .timeStampOptional(true).build()
                .sign(contentsOf(someMaterials()), dir.resolve("b.asice"));

        assertThat(p.timeStamp()).isNull();
        assertThat(p.warnings()).singleElement().asString().contains("not time-stamped", "did not answer");
        assertThat(PackageFixture.verifierTrustingTheCa().verify(p.path()).isValid()).isTrue();
    }

    static URI aClosedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + s.getLocalPort() + "/");
        }
    }
}
