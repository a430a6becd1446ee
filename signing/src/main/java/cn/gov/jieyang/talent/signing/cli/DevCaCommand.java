package cn.gov.jieyang.talent.signing.cli;

import cn.gov.jieyang.talent.signing.DevelopmentCa;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dev-ca --out DIR}: a development CA, its CRL, P-256 and SM2 seals and a TSA key. */
@Command(name = "dev-ca", mixinStandardHelpOptions = true,
        description = {"Creates a DEVELOPMENT CA and bureau seals: DIR/ca.pem, DIR/ca.crl, DIR/seal.p12 (P-256), "
                + "DIR/seal-sm2.p12 (SM2), DIR/tsa.p12 (time-stamping authority, for dev-tsa).", "The key stores are protected by the password in env SIGNING_KEY_PASSWORD "
                + "(or --password-file). Not for production."})
final class DevCaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
    Path out;

    @Option(names = "--password-file", paramLabel = "FILE", description = "read the key-store password from FILE")
    Path passwordFile;

    @Override
    public Integer call() {
        char[] password = Passwords.read(passwordFile);
        try {
            DevelopmentCa ca = DevelopmentCa.generate();
            ca.writeTo(out, password);
            var o = spec.commandLine().getOut();
            o.println("Development CA written to " + out.toAbsolutePath());
            o.println("  " + DevelopmentCa.CA_PEM + "        trust anchor: " + ca.caCertificate().getSubjectX500Principal());
            o.println("  " + DevelopmentCa.CA_CRL + "        CRL (next update " + ca.crl().getNextUpdate().toInstant() + ")");
            o.println("  " + DevelopmentCa.SEAL_P12 + "      P-256 seal: " + ca.sealP256().certificate().getSubjectX500Principal());
            o.println("  " + DevelopmentCa.SEAL_SM2_P12 + "  SM2 seal:   " + ca.sealSm2().certificate().getSubjectX500Principal());
            o.println("  " + DevelopmentCa.TSA_P12 + "       TSA:        " + ca.tsa().certificate().getSubjectX500Principal());
            return 0;
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
