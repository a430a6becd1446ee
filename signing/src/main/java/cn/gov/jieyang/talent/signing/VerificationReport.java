package cn.gov.jieyang.talent.signing;

import cn.gov.jieyang.talent.signing.internal.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of verifying a package: an overall {@link Indication}, the first reason it did not
 * pass, every problem found, a verdict per file and the signer's details.
 *
 * <p>Only {@link Indication#TOTAL_PASSED} means the package may be relied on.
 */
public final class VerificationReport {

    private final Indication indication;
    private final SubIndication subIndication;
    private final List<String> problems;
    private final List<FileVerdict> files;
    private final SignerDetails signer;

    private VerificationReport(Builder b) {
        this.subIndication = b.subIndication;
        this.indication = b.subIndication == null ? Indication.TOTAL_PASSED : b.subIndication.indication();
        this.problems = List.copyOf(b.problems);
        this.files = List.copyOf(b.files);
        this.signer = b.signer;
    }

    /** @return a new builder (used by verifiers) */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the overall indication */
    public Indication indication() {
        return indication;
    }

    /** @return why it did not pass (the most severe, first found reason), empty when it passed */
    public Optional<SubIndication> subIndication() {
        return Optional.ofNullable(subIndication);
    }

    /** @return true only for {@link Indication#TOTAL_PASSED} */
    public boolean isValid() {
        return indication == Indication.TOTAL_PASSED;
    }

    /** @return every problem found, in the order found, as sentences an auditor can read */
    public List<String> problems() {
        return problems;
    }

    /** @return a verdict per file: manifest order, then unexpected files */
    public List<FileVerdict> files() {
        return files;
    }

    /** @return the signer, when the signature could be read */
    public Optional<SignerDetails> signer() {
        return Optional.ofNullable(signer);
    }

    /** @return the report as JSON (stable field names, for scripts and the portal) */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("indication", indication.name());
        m.put("subIndication", subIndication == null ? null : subIndication.name());
        m.put("valid", isValid());
        m.put("problems", problems);
        List<Object> fs = new ArrayList<>();
        for (FileVerdict f : files) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("name", f.name());
            fm.put("status", f.status().name());
            fm.put("mediaType", f.mediaType());
            fm.put("expectedSha256", f.expectedSha256());
            fm.put("actualSha256", f.actualSha256());
            fs.add(fm);
        }
        m.put("files", fs);
        if (signer != null) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("subject", signer.subject());
            s.put("issuer", signer.issuer());
            s.put("serialNumber", signer.serialNumber());
            s.put("certificateSha256", signer.certificateSha256());
            s.put("signingTime", signer.signingTime() == null ? null : signer.signingTime().toString());
            s.put("signatureAlgorithm", signer.signatureAlgorithm());
            s.put("digestAlgorithm", signer.digestAlgorithm());
            s.put("chainStatus", signer.chainStatus().name());
            s.put("chain", signer.chain());
            m.put("signer", s);
        } else {
            m.put("signer", null);
        }
        return Json.write(m);
    }

    @Override
    public String toString() {
        return indication + (subIndication == null ? "" : "/" + subIndication) + " " + problems;
    }

    /** Assembles a {@link VerificationReport}; the first, most severe problem becomes the sub-indication. */
    public static final class Builder {
        private SubIndication subIndication;
        private final List<String> problems = new ArrayList<>();
        private final List<FileVerdict> files = new ArrayList<>();
        private SignerDetails signer;

        private Builder() {
        }

        /**
         * Records a problem. A TOTAL_FAILED problem outranks an INDETERMINATE one found earlier.
         *
         * @param reason  the sub-indication
         * @param message a sentence for the auditor
         * @return this builder
         */
        public Builder problem(SubIndication reason, String message) {
            problems.add(message);
            if (subIndication == null || (subIndication.indication() == Indication.INDETERMINATE
                    && reason.indication() == Indication.TOTAL_FAILED)) {
                subIndication = reason;
            }
            return this;
        }

        /**
         * @param verdict a file's verdict
         * @return this builder
         */
        public Builder file(FileVerdict verdict) {
            files.add(verdict);
            return this;
        }

        /**
         * @param details the signer
         * @return this builder
         */
        public Builder signer(SignerDetails details) {
            this.signer = details;
            return this;
        }

        /** @return the report */
        public VerificationReport build() {
            return new VerificationReport(this);
        }
    }
}
