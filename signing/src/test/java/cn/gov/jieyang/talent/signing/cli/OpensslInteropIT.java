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

        assertThat(openssl()).isZero();
        assertThat(openssl("-crl_check")).isZero();
    }

    @Test
    void opensslRejectsAnEditedManifest() throws Exception {
        String m = new String(Zips.get(entries, "META-INF/ASiCManifest.xml"), StandardCharsets.UTF_8);
        extract(m.replace("degree.pdf", "degree2.pdf").getBytes(StandardCharsets.UTF_8));

        assertThat(openssl()).isNotZero();
    }

    private void extract(byte[] manifest) throws Exception {
        Files.write(dir.resolve("ASiCManifest.xml"), manifest);
        Files.write(dir.resolve("signature.p7s"), Zips.get(entries, "META-INF/signature.p7s"));
    }

    private int openssl(String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("openssl", "cms", "-verify", "-binary", "-inform", "DER",
                "-in", "signature.p7s", "-content", "ASiCManifest.xml", "-CAfile", "ca/ca.pem", "-out", "/dev/null"));
        cmd.addAll(List.of(extra));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.log").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }
}
