package cn.gov.jieyang.talent.signing.cli;

import cn.gov.jieyang.talent.signing.FileVerdict;
import cn.gov.jieyang.talent.signing.SignerDetails;
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
        r.signer().ifPresent(s -> signer(b, s));
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
        return b.toString();
    }

    private static void signer(StringBuilder b, SignerDetails s) {
        b.append("Signer:     ").append(s.subject()).append('\n');
        b.append("  issuer:   ").append(s.issuer()).append(" (serial ").append(s.serialNumber()).append(")\n");
        b.append("  cert:     sha256 ").append(s.certificateSha256()).append('\n');
        b.append("  signed:   ").append(s.signingTime() == null ? "(no signing time)" : s.signingTime())
                .append(" (claimed by the signer)\n");
        b.append("  algorithm ").append(s.signatureAlgorithm()).append(", digest ").append(s.digestAlgorithm()).append('\n');
        b.append("  chain:    ").append(s.chainStatus());
        if (!s.chain().isEmpty()) {
            b.append(": ").append(String.join("  ->  ", s.chain()));
        }
        b.append('\n');
    }
}
