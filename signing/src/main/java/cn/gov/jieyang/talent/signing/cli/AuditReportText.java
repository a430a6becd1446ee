package cn.gov.jieyang.talent.signing.cli;

import cn.gov.jieyang.talent.signing.AuditChain;
import cn.gov.jieyang.talent.signing.AuditExportReport;
import cn.gov.jieyang.talent.signing.AuditFinding;
import cn.gov.jieyang.talent.signing.CheckpointVerdict;
import cn.gov.jieyang.talent.signing.VerificationReport;
import java.nio.file.Path;
import java.util.List;

/** The human-readable rendering of an {@link AuditExportReport}. */
final class AuditReportText {

    /** A year of hourly checkpoints is 8,760: list the newest and those not relied on, not all. */
    private static final int MAX_LISTED = 20;

    private AuditReportText() {
    }

    static String render(Path file, AuditExportReport r) {
        StringBuilder b = new StringBuilder();
        b.append("Export:      ").append(file).append('\n');
        b.append("Chain:       ").append(r.chain() == null ? "(unknown)" : r.chain())
                .append(r.exportedAt() == null ? "" : ", exported " + r.exportedAt()).append('\n');
        b.append("Result:      ").append(r.isIntact()
                ? "INTACT  (every event verifies, and every checkpoint's head is on the chain)"
                : "BROKEN  first: " + r.firstBroken().map(AuditReportText::finding).orElse("")).append('\n');
        b.append("Validated:   at ").append(r.validationTime()).append('\n');
        b.append("Events:      ").append(r.events());
        if (r.events() > 0) {
            b.append(", the last is event ").append(r.headSeq()).append(", head hash ").append(r.headHash());
        }
        b.append('\n');
        checkpoints(b, r);
        if (!r.findings().isEmpty()) {
            b.append("Findings:\n");
            r.findings().forEach(f -> b.append("  - ").append(finding(f)).append('\n'));
            if (r.findingsLeftOut() > 0) {
                b.append("  ... and ").append(r.findingsLeftOut()).append(" more\n");
            }
        }
        if (!r.warnings().isEmpty()) {
            b.append("Warnings:\n");
            r.warnings().forEach(w -> b.append("  - ").append(w).append('\n'));
        }
        return b.toString();
    }

    private static String finding(AuditFinding f) {
        return f.kind() + (f.seq() >= 0 ? " at event " + f.seq() : "") + ": " + f.message();
    }

    private static void checkpoints(StringBuilder b, AuditExportReport r) {
        List<CheckpointVerdict> all = r.checkpoints();
        long used = all.stream().filter(CheckpointVerdict::isUsed).count();
        b.append("Checkpoints: ").append(all.size()).append(" (").append(used).append(" relied on)\n");
        r.newestUsedCheckpoint().ifPresent(c -> {
            b.append("  newest:    ");
            checkpoint(b, c);
            b.append("  after it:  ").append(r.eventsAfterNewestCheckpoint())
                    .append(" events, covered by no checkpoint yet\n");
        });
        int listed = 0;
        for (CheckpointVerdict c : all) {
            if (!c.isUsed() && listed++ < MAX_LISTED) {
                b.append("  ").append(String.format("%-10s ", c.status()));
                checkpoint(b, c);
            }
        }
        if (listed > MAX_LISTED) {
            b.append("  ... and ").append(listed - MAX_LISTED).append(" more not relied on\n");
        }
    }

    private static void checkpoint(StringBuilder b, CheckpointVerdict c) {
        AuditChain.Checkpoint cp = c.checkpoint();
        VerificationReport s = c.signature();
        b.append("event ").append(cp.seq()).append(" (").append(cp.events()).append(" events) at ").append(cp.at())
                .append(", head ").append(cp.headHash()).append('\n');
        b.append("             seal ").append(s.indication()).append(s.subIndication().map(x -> " / " + x).orElse(""));
        s.signer().ifPresent(x -> b.append(" by ").append(x.subject()));
        b.append('\n');
        b.append("             ").append(s.proofOfExistence().map(t -> "time-stamped: existed by " + t)
                .orElse(c.sealed().isTimeStamped() ? "time-stamp FAILED (proves nothing)"
                        : "not time-stamped" + (c.sealed().timeStampProblem() == null ? ""
                                : " (" + c.sealed().timeStampProblem() + ")"))).append('\n');
    }
}
