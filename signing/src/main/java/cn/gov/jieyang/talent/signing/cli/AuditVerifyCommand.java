package cn.gov.jieyang.talent.signing.cli;

import cn.gov.jieyang.talent.signing.AuditExportReport;
import cn.gov.jieyang.talent.signing.AuditExportVerifier;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code audit-verify [--trust CA.pem] [--crl CA.crl] [--at INSTANT] EXPORT.jsonl}. */
@Command(name = "audit-verify", mixinStandardHelpOptions = true,
        description = {"Checks an audit export (the portal's or the auth-bridge's /audit/export, JSON Lines) offline: recomputes every event's "
                + "hash and link, verifies each checkpoint's seal (and its time-stamp) to the trusted CA, and checks that "
                + "the head each checkpoint sealed is still on the chain. Names the first edited, deleted, reordered or "
                + "truncated event.",
                "Exit 0 when intact, 1 when broken (or no checkpoint can be relied on), 2 on a usage error or unreadable input."})
final class AuditVerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TrustOptions judgedAgainst;

    @Parameters(index = "0", paramLabel = "EXPORT", description = "the audit export (.jsonl)")
    Path export;

    @Override
    public Integer call() {
        AuditExportVerifier.Builder builder = AuditExportVerifier.builder();
        judgedAgainst.applyTo(builder::trustAnchor, builder::crl, builder::validationTime);
        AuditExportReport report = builder.build().verify(export);
        spec.commandLine().getOut().print(AuditReportText.render(export, report));
        spec.commandLine().getOut().flush();
        return report.isIntact() ? 0 : 1;
    }
}
