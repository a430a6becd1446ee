package cn.gov.jieyang.talent.signing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.signing.DevelopmentCa;
import cn.gov.jieyang.talent.signing.DevelopmentTsa;
import cn.gov.jieyang.talent.signing.MediaTypes;
import cn.gov.jieyang.talent.signing.PackageContents;
import cn.gov.jieyang.talent.signing.PackageEntry;
import cn.gov.jieyang.talent.signing.PackageSigner;
import cn.gov.jieyang.talent.signing.PkiFiles;
import cn.gov.jieyang.talent.signing.Zips;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An independent implementation accepts our time-stamps: the system's {@code openssl ts -verify}
 * checks the token's signature, its ESS certificate reference, the TSA's critical timeStamping usage,
 * the chain to the CA, and that the imprint is the digest of the signature value.
 */
class OpensslTimeStampIT {

    @TempDir
    Path dir;

    private byte[] signatureValue;

    @BeforeEach
    void signAndTimeStampAPackage() throws Exception {
        DevelopmentCa ca = DevelopmentCa.generate();
        PkiFiles.writePem(ca.caCertificate(), dir.resolve("ca.pem"));
        PkiFiles.writePem(ca.tsa().certificate(), dir.resolve("tsa.pem"));
        byte[] pdf = "%PDF-1.7 degree certificate".getBytes(StandardCharsets.US_ASCII);
        Path p = PackageSigner.builder(ca.sealP256()).crl(ca.crl()).timeStampSource(DevelopmentTsa.of(ca.tsa())).build()
                .sign(PackageContents.builder().add(PackageEntry.of("degree.pdf", MediaTypes.PDF,
                        () -> new java.io.ByteArrayInputStream(pdf))).build(), dir.resolve("p.asice")).path();
        SignerInformation si = new CMSSignedData(Zips.get(Zips.read(p), "META-INF/signature.p7s"))
                .getSignerInfos().getSigners().iterator().next();
        signatureValue = si.getSignature();
        Files.write(dir.resolve("signature-value.bin"), signatureValue);
        Files.write(dir.resolve("token.der"), si.getUnsignedAttributes()
                .get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken).getAttrValues().getObjectAt(0)
                .toASN1Primitive().getEncoded());
    }

    @Test
    void opensslAcceptsTheTokenOverTheSignatureValue() throws Exception {
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(signatureValue));

        String[] byDigest = tsVerify("-digest", digest);
        String[] byData = tsVerify("-data", "signature-value.bin");

        assertThat(byDigest[0]).as(byDigest[1]).isEqualTo("0");
        assertThat(byDigest[1]).contains("Verification: OK");
        assertThat(byData[0]).as(byData[1]).isEqualTo("0");
    }

    @Test
    void opensslRejectsTheTokenForOtherBytes() throws Exception {
        String other = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(new byte[] {1}));

        String[] r = tsVerify("-digest", other);

        assertThat(r[0]).as(r[1]).isNotEqualTo("0");
        assertThat(r[1]).contains("Verification: FAILED", "message imprint mismatch");
    }

    /** @return the exit code and the output of {@code openssl ts -verify ... -in token.der -token_in} */
    private String[] tsVerify(String what, String value) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("openssl", "ts", "-verify", what, value, "-in", "token.der",
                "-token_in", "-CAfile", "ca.pem", "-untrusted", "tsa.pem"));
        Path log = Files.createTempFile(dir, "openssl-ts", ".log");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String[] {String.valueOf(p.exitValue()), Files.readString(log, StandardCharsets.UTF_8)};
    }
}
