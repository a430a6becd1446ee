package cn.gov.jieyang.talent.signing.cli;

import cn.gov.jieyang.talent.signing.SigningException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The auditors' and operators' command-line tool: {@code java -jar signing/target/signing.jar}.
 *
 * <p>Exit codes: 0 success (for {@code verify}: the package is valid; for {@code audit-verify}: the
 * export is intact), 1 the package is invalid or indeterminate (the export is broken), 2 a usage
 * error or an input that cannot be read. Errors are one line on stderr,
 * never a stack trace.
 */
@Command(name = "signing", mixinStandardHelpOptions = true, version = "signing 0.1.0",
        description = "Builds, signs and verifies ASiC-E material packages (CAdES); checks audit exports.",
        subcommands = {DevCaCommand.class, DevTsaCommand.class, SignCommand.class, VerifyCommand.class,
                ExtendCommand.class, AuditVerifyCommand.class})
public final class SigningCli implements Runnable {

    /** Exit code for a usage error or unreadable input. */
    static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Runs the tool.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the tool without exiting the JVM.
     *
     * @param args the arguments
     * @return the exit code
     */
    static int run(String... args) {
        CommandLine cli = new CommandLine(new SigningCli());
        cli.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof SigningException se) {
                cmd.getErr().println("error: " + se.getMessage());
                return USAGE;
            }
            cmd.getErr().println("error: unexpected failure: " + ex);
            return 3;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: dev-ca, dev-tsa, sign, verify, extend or audit-verify");
    }
}
