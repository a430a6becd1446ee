package cn.gov.jieyang.talent.signing;

import cn.gov.jieyang.talent.signing.internal.ReportJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of verifying a package: an overall {@link Indication}, the first reason it did not
 * pass, every problem found, a verdict per file, the signer's details, each time-stamp, and the
 * validation time.
 *
 * <p>Only {@link Indication#TOTAL_PASSED} means the package may be relied on.
 */
public final class VerificationReport {

    private final Indication indication;
    private final SubIndication subIndication;
    private final List<String> problems;
    private final List<FileVerdict> files;
    private final SignerDetails signer;
    private final Instant validationTime;
    private final List<TimeStampVerdict> timeStamps;
    private final Instant proofOfExistence;
    private final List<String> warnings;

    private VerificationReport(Builder b) {
        this.subIndication = b.subIndication;
        this.indication = b.subIndication == null ? Indication.TOTAL_PASSED : b.subIndication.indication();
        this.problems = List.copyOf(b.problems);
        this.files = List.copyOf(b.files);
        this.signer = b.signer;
        this.validationTime = b.validationTime;
        this.timeStamps = List.copyOf(b.timeStamps);
        this.proofOfExistence = b.proofOfExistence;
        this.warnings = List.copyOf(b.warnings);
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

    /** @return the time the package was judged at */
    public Instant validationTime() {
        return validationTime;
    }

    /** @return each signature time-stamp and what was found about it, in the signature's order */
    public List<TimeStampVerdict> timeStamps() {
        return timeStamps;
    }

    /**
     * @return the earliest time a valid time-stamp proves the signature existed at; the seal's chain
     *         was judged then. Empty when no time-stamp is valid: then only the signer's claim dates it.
     */
    public Optional<Instant> proofOfExistence() {
        return Optional.ofNullable(proofOfExistence);
    }

    /**
     * @return what an auditor should know that does not change the indication, e.g. a time-stamp
     *         that failed its checks and so proves nothing
     */
    public List<String> warnings() {
        return warnings;
    }

    /** @return the report as JSON (stable field names, for scripts and the portal) */
    public String toJson() {
        return ReportJson.write(this);
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
        private Instant validationTime = Instant.now();
        private final List<TimeStampVerdict> timeStamps = new ArrayList<>();
        private Instant proofOfExistence;
        private final List<String> warnings = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param time the validation time
         * @return this builder
         */
        public Builder validationTime(Instant time) {
            this.validationTime = Objects.requireNonNull(time, "time");
            return this;
        }

        /**
         * @param verdict a signature time-stamp's verdict
         * @return this builder
         */
        public Builder timeStamp(TimeStampVerdict verdict) {
            timeStamps.add(Objects.requireNonNull(verdict, "verdict"));
            return this;
        }

        /**
         * @param time the time a valid time-stamp proves, or null
         * @return this builder
         */
        public Builder proofOfExistence(Instant time) {
            this.proofOfExistence = time;
            return this;
        }

        /**
         * @param message something the auditor should know that does not change the indication
         * @return this builder
         */
        public Builder warning(String message) {
            warnings.add(Objects.requireNonNull(message, "message"));
            return this;
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
