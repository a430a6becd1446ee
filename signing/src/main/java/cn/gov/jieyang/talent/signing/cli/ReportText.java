package cn.gov.jieyang.talent.signing.cli;

import cn.gov.jieyang.talent.signing.FileVerdict;
import cn.gov.jieyang.talent.signing.SignerDetails;
import cn.gov.jieyang.talent.signing.TimeStampVerdict;
import cn.gov.jieyang.talent.signing.VerificationReport;
import java.nio.file.Path;

/** The human-readable rendering of a {@link VerificationReport}. */
final class ReportText {

    private ReportText() {
    }

    static String render(Path file, VerificationReport r) {
        StringBuilder b = new StringBuilder();
        b.append("Package:    ").append(file).append('\n');
        b.append("Result:     ").append(r.indication())
                .append(r.subIndication().map(s -> " / " + s).orElse(""))
                .append(r.isValid() ? "  (valid: exactly what the seal signed)" : "  (NOT valid)").append('\n');
        b.append("Validated:  at ").append(r.validationTime()).append('\n');
        r.signer().ifPresent(s -> signer(b, s, r));
        timeStamps(b, r);
        b.append("Files:\n");
        for (FileVerdict f : r.files()) {
            b.append(String.format("  %-10s %s%n", f.status(), f.name()));
            b.append(String.format("             sha256 %s%n",
                    f.actualSha256().isEmpty() ? "(absent) expected " + f.expectedSha256() : f.actualSha256()));
        }
        if (r.files().isEmpty()) {
            b.append("  (not checked)\n");
        }
        if (!r.problems().isEmpty()) {
            b.append("Problems:\n");
            r.problems().forEach(p -> b.append("  - ").append(p).append('\n'));
        }
        if (!r.warnings().isEmpty()) {
            b.append("Warnings:\n");
            r.warnings().forEach(w -> b.append("  - ").append(w).append('\n'));
        }
        return b.toString();
    }

    private static void timeStamps(StringBuilder b, VerificationReport r) {
        b.append("Time-stamps:").append(r.timeStamps().isEmpty() ? " none (baseline B)\n" : "\n");
        int i = 1;
        for (TimeStampVerdict t : r.timeStamps()) {
            b.append(String.format("  %d. %-6s %s time-stamp%n", i++, t.isValid() ? "VALID" : "FAILED",
                    t.kind() == TimeStampVerdict.Kind.ARCHIVE ? "archive" : "signature"));
            b.append("     TSA:     ").append(t.tsaSubject().isEmpty() ? "(unknown)" : t.tsaSubject()).append('\n');
            b.append("     genTime: ").append(t.genTime() == null ? "(unreadable)" : t.genTime()).append('\n');
            String over = t.kind() == TimeStampVerdict.Kind.ARCHIVE ? "the archive manifest" : "the signature value";
            b.append("     digest:  ").append(t.digestAlgorithm()).append(t.messageImprintMatches()
                    ? " over " + over + ": matches" : ": does NOT match " + over).append('\n');
            b.append("     token:   signature ").append(t.signatureValid() ? "verifies" : "does NOT verify").append('\n');
            b.append("     chain:   ").append(t.tsaChainStatus());
            if (!t.tsaChain().isEmpty()) {
                b.append(": ").append(String.join("  ->  ", t.tsaChain()));
            }
            b.append('\n');
        }
    }

    private static void signer(StringBuilder b, SignerDetails s, VerificationReport r) {
        b.append("Signer:     ").append(s.subject()).append('\n');
        b.append("  issuer:   ").append(s.issuer()).append(" (serial ").append(s.serialNumber()).append(")\n");
        b.append("  cert:     sha256 ").append(s.certificateSha256()).append('\n');
        b.append("  signed:   ").append(s.signingTime() == null ? "(no signing time)" : s.signingTime())
                .append(" (claimed by the signer)\n");
        b.append("  existed:  ").append(r.proofOfExistence().map(t -> "by " + t + " (proven by a time-stamp)")
                .orElse("(no proof of existence: no valid time-stamp)")).append('\n');
        b.append("  algorithm ").append(s.signatureAlgorithm()).append(", digest ").append(s.digestAlgorithm()).append('\n');
        b.append("  chain:    ").append(s.chainStatus());
        if (!s.chain().isEmpty()) {
            b.append(": ").append(String.join("  ->  ", s.chain()));
        }
        b.append('\n');
    }
}
