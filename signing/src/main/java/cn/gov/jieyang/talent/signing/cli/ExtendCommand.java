package cn.gov.jieyang.talent.signing.cli;

import cn.gov.jieyang.talent.signing.PackageExtender;
import cn.gov.jieyang.talent.signing.SigningException;
import cn.gov.jieyang.talent.signing.TimeStampSource;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code extend --archive --tsa URL PACKAGE.asice}: adds an archive time-stamp (LTA). */
@Command(name = "extend", mixinStandardHelpOptions = true,
        description = {"Extends a signed package for long-term validation: --archive adds an ETSI EN 319 162-1 "
                + "archive time-stamp (META-INF/ASiCArchiveManifest.xml + META-INF/timestamp.tst) over every file.",
                "The package is replaced only when complete; if the TSA fails, it is left as it was."})
final class ExtendCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PACKAGE.asice", description = "the package to extend")
    Path packageFile;

    @Option(names = "--tsa", required = true, paramLabel = "URL", description = "the RFC 3161 TSA")
    URI tsa;

    @Option(names = "--archive", required = true, description = "add an archive time-stamp (the only extension so far)")
    boolean archive;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(packageFile)) {
            throw new SigningException(SigningException.Reason.INVALID_INPUT, "cannot read " + packageFile);
        }
        Instant genTime = PackageExtender.addArchiveTimeStamp(packageFile, TimeStampSource.http(tsa));
        spec.commandLine().getOut().println("Extended " + packageFile + ": archive time-stamp at " + genTime
                + " by the TSA at " + tsa.getHost());
        return 0;
    }
}
