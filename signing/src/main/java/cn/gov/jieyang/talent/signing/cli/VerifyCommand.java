package cn.gov.jieyang.talent.signing.cli;

import cn.gov.jieyang.talent.signing.PackageVerifier;
import cn.gov.jieyang.talent.signing.PkiFiles;
import cn.gov.jieyang.talent.signing.VerificationReport;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code verify [--trust CA.pem] [--json] PACKAGE.asice}. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verifies a package: format, signature, every file, nothing added, the signer's chain.",
                "Exit 0 when valid, 1 when invalid or indeterminate, 2 on a usage error or unreadable input."})
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--trust", paramLabel = "CA.pem", description = "trusted CA certificate(s), PEM (repeatable)")
    List<Path> trust = List.of();

    @Option(names = "--json", description = "print the report as JSON")
    boolean json;

    @Parameters(index = "0", paramLabel = "PACKAGE.asice", description = "the package to verify")
    Path packageFile;

    @Override
    public Integer call() {
        PackageVerifier.Builder builder = PackageVerifier.builder();
        for (Path t : trust) {
            PkiFiles.readCertificates(t).forEach(builder::trustAnchor);
        }
        VerificationReport report = builder.build().verify(packageFile);
        spec.commandLine().getOut().print(json ? report.toJson() : ReportText.render(packageFile, report));
        spec.commandLine().getOut().flush();
        return report.isValid() ? 0 : 1;
    }
}
