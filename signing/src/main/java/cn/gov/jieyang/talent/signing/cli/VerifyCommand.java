package cn.gov.jieyang.talent.signing.cli;

import cn.gov.jieyang.talent.signing.PackageVerifier;
import cn.gov.jieyang.talent.signing.SigningException;
import cn.gov.jieyang.talent.signing.VerificationReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code verify [--trust CA.pem] [--crl CA.crl] [--at INSTANT] [--max-size SIZE] [--json] PACKAGE.asice}. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verifies a package: format, signature, every file, nothing added, its time-stamps, the signer's "
                + "chain at the time a valid time-stamp proves (else the claimed signing time, while the seal is valid).",
                "Exit 0 when valid, 1 when invalid or indeterminate, 2 on a usage error or unreadable input."})
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TrustOptions judgedAgainst;

    @Option(names = "--max-size", paramLabel = "SIZE",
            description = "most bytes the package may inflate to, e.g. 2GiB; beyond it the package is refused "
                    + "unchecked (default: 100MiB)")
    String maxSize;

    @Option(names = "--json", description = "print the report as JSON")
    boolean json;

    @Parameters(index = "0", paramLabel = "PACKAGE.asice", description = "the package to verify")
    Path packageFile;

    @Override
    public Integer call() {
        PackageVerifier.Builder builder = PackageVerifier.builder();
        judgedAgainst.applyTo(builder::trustAnchor, builder::crl, builder::validationTime);
        if (maxSize != null) {
            builder.maxInflatedSize(parseSize(maxSize));
        }
        VerificationReport report = builder.build().verify(packageFile);
        spec.commandLine().getOut().print(json ? report.toJson() : ReportText.render(packageFile, report));
        spec.commandLine().getOut().flush();
        return report.isValid() ? 0 : 1;
    }

    private static final Pattern SIZE = Pattern.compile("([1-9][0-9]{0,12})(B|KiB|MiB|GiB)?");

    /** Bytes, or binary units only: "MB" would leave open whether 10^6 or 2^20 was meant. */
    static long parseSize(String text) {
        Matcher m = SIZE.matcher(text);
        if (m.matches()) {
            int shift = switch (m.group(2) == null ? "B" : m.group(2)) {
                case "KiB" -> 10;
                case "MiB" -> 20;
                case "GiB" -> 30;
                default -> 0;
            };
            try {
                return Math.multiplyExact(Long.parseLong(m.group(1)), 1L << shift);
            } catch (ArithmeticException tooLarge) {
                // falls through to the same message
            }
        }
        throw new SigningException(SigningException.Reason.INVALID_INPUT,
                "--max-size must be a size such as 100MiB, 2GiB or 500000000 (bytes), not " + text);
    }
}
