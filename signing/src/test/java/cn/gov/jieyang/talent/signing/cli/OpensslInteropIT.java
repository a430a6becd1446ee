package cn.gov.jieyang.talent.signing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.signing.Zips;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An independent implementation must accept our signature: the system's {@code openssl cms -verify}
 * checks the detached CMS over the manifest, the chain to the CA and, with {@code -crl_check}, the
 * CRL we embedded.
 */
class OpensslInteropIT {

    @TempDir
    Path dir;

    private List<Map.Entry<String, byte[]>> entries;

    @BeforeEach
    void signAPackageWithTheCli() throws Exception {
        assertThat(Cli.run(dir, "dev-ca", "--out", "ca").exitCode()).isZero();
        Files.write(dir.resolve("degree.pdf"), "%PDF-1.7 degree certificate".getBytes(StandardCharsets.US_ASCII));
        assertThat(Cli.run(dir, "sign", "--key", "ca/seal.p12", "--crl", "ca/ca.crl", "--out", "p.asice",
                "degree.pdf").exitCode()).isZero();
        entries = Zips.read(dir.resolve("p.asice"));
    }

    @Test
    void opensslVerifiesTheSignatureOverTheManifest() throws Exception {
        extract(Zips.get(entries, "META-INF/ASiCManifest.xml"));

        assertThat(openssl().exitCode()).isZero();
        assertThat(openssl("-crl_check").exitCode()).isZero();
    }

    @Test
    void opensslRejectsAnEditedManifestBecauseItsDigestNoLongerMatches() throws Exception {
        byte[] manifest = Zips.get(entries, "META-INF/ASiCManifest.xml");
        String edited = new String(manifest, StandardCharsets.UTF_8).replace("degree.pdf", "degree2.pdf");
        assertThat(edited).isNotEqualTo(new String(manifest, StandardCharsets.UTF_8));

        // The very same command, first on the signed bytes: a wrong path or option would fail here
        // already, so the failure below can only come from the edit.
        extract(manifest);
        Openssl genuine = openssl();
        assertThat(genuine.exitCode()).as(genuine.output()).isZero();
        assertThat(genuine.output()).contains("CMS Verification successful");

        extract(edited.getBytes(StandardCharsets.UTF_8));
        Openssl tampered = openssl();
        // Exit code 4 is openssl's "error verifying the message" (2 would be bad options or an
        // unreadable input); CMS_SignerInfo_verify_content is the check of the message-digest attribute.
        assertThat(tampered.exitCode()).as(tampered.output()).isEqualTo(4);
        assertThat(tampered.output()).contains("CMS Verification failure", "CMS_SignerInfo_verify_content",
                "content verify error");
    }

    private void extract(byte[] manifest) throws Exception {
        Files.write(dir.resolve("ASiCManifest.xml"), manifest);
        Files.write(dir.resolve("signature.p7s"), Zips.get(entries, "META-INF/signature.p7s"));
    }

    private Openssl openssl(String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("openssl", "cms", "-verify", "-binary", "-inform", "DER",
                "-in", "signature.p7s", "-content", "ASiCManifest.xml", "-CAfile", "ca/ca.pem", "-out", "/dev/null"));
        cmd.addAll(List.of(extra));
        Path log = dir.resolve("openssl.log");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Openssl(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private record Openssl(int exitCode, String output) {
    }
}
