package cn.gov.jieyang.talent.signing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of checking an audit export ({@link AuditExportVerifier}): intact, or every break found
 * with the first one named; each checkpoint's verdict; the chain's extent.
 *
 * <p>Intact means: every event's content gives its hash, every event names its predecessor's hash
 * (the first one 64 zeros), the file is complete, at least one checkpoint is relied on, every
 * checkpoint's seal verifies to the trusted CA, and the head each one sealed is on the chain with the
 * count of events it stated. Events after the newest checkpoint are covered by none: see
 * {@link #eventsAfterNewestCheckpoint()}.
 */
public final class AuditExportReport {

    private final String chain;
    private final Instant exportedAt;
    private final Instant validationTime;
    private final long events;
    private final long headSeq;
    private final String headHash;
    private final List<CheckpointVerdict> checkpoints;
    private final List<AuditFinding> findings;
    private final long findingsLeftOut;
    private final List<String> warnings;
    private final long eventsAfterNewestCheckpoint;

    private AuditExportReport(Builder b) {
        this.chain = b.chain;
        this.exportedAt = b.exportedAt;
        this.validationTime = Objects.requireNonNull(b.validationTime, "validationTime");
        this.events = b.events;
        this.headSeq = b.headSeq;
        this.headHash = b.headHash;
        this.checkpoints = List.copyOf(b.checkpoints);
        this.findings = List.copyOf(b.findings);
        this.findingsLeftOut = b.findingsLeftOut;
        this.warnings = List.copyOf(b.warnings);
        this.eventsAfterNewestCheckpoint = b.eventsAfterNewestCheckpoint;
    }

    /** @return a builder (used by the verifier) */
    public static Builder builder() {
        return new Builder();
    }

    /** @return true when nothing is wrong (no finding) */
    public boolean isIntact() {
        return findings.isEmpty() && findingsLeftOut == 0;
    }

    /**
     * @return the first break: the one naming the lowest sequence number, else (no event named) the
     *         first found
     */
    public Optional<AuditFinding> firstBroken() {
        return findings.stream().filter(f -> f.seq() >= 0).min(Comparator.comparingLong(AuditFinding::seq))
                .or(() -> findings.stream().findFirst());
    }

    /** @return every break found, in the order found (at most 1,000; see {@link #findingsLeftOut()}) */
    public List<AuditFinding> findings() {
        return findings;
    }

    /** @return how many more breaks were found than {@link #findings()} lists */
    public long findingsLeftOut() {
        return findingsLeftOut;
    }

    /** @return the chain's name from the header, or null when there is none */
    public String chain() {
        return chain;
    }

    /** @return when the export was taken, or null when the header does not say */
    public Instant exportedAt() {
        return exportedAt;
    }

    /** @return the time the checkpoints' seals were judged at */
    public Instant validationTime() {
        return validationTime;
    }

    /** @return how many event lines were read */
    public long events() {
        return events;
    }

    /** @return the last event's sequence number, 0 for none */
    public long headSeq() {
        return headSeq;
    }

    /** @return the last event's hash, {@link AuditChain#GENESIS} for none */
    public String headHash() {
        return headHash;
    }

    /** @return each checkpoint's verdict, in the export's order */
    public List<CheckpointVerdict> checkpoints() {
        return checkpoints;
    }

    /** @return the newest checkpoint that is relied on */
    public Optional<CheckpointVerdict> newestUsedCheckpoint() {
        return checkpoints.stream().filter(CheckpointVerdict::isUsed)
                .max(Comparator.comparingLong((CheckpointVerdict c) -> c.checkpoint().seq())
                        .thenComparing(c -> c.checkpoint().at()));
    }

    /**
     * @return how many events come after the newest checkpoint relied on: their deletion from the end
     *         could not be told until a later checkpoint covers them
     */
    public long eventsAfterNewestCheckpoint() {
        return eventsAfterNewestCheckpoint;
    }

    /** @return what the auditor should know that is not a break */
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public String toString() {
        return (isIntact() ? "INTACT" : "BROKEN " + firstBroken().map(AuditFinding::toString).orElse("")) + " ("
                + events + " events, " + checkpoints.size() + " checkpoints)";
    }

    /** Assembles an {@link AuditExportReport}. */
    public static final class Builder {
        /** The most findings a report lists; a file of garbage must not make an endless report. */
        static final int MAX_FINDINGS = 1000;

        private String chain;
        private Instant exportedAt;
        private Instant validationTime;
        private long events;
        private long headSeq;
        private String headHash = AuditChain.GENESIS;
        private final List<CheckpointVerdict> checkpoints = new ArrayList<>();
        private final List<AuditFinding> findings = new ArrayList<>();
        private long findingsLeftOut;
        private final List<String> warnings = new ArrayList<>();
        private long eventsAfterNewestCheckpoint;

        private Builder() {
        }

        /**
         * @param chain      the chain's name
         * @param exportedAt when the export was taken
         * @return this builder
         */
        public Builder header(String chain, Instant exportedAt) {
            this.chain = chain;
            this.exportedAt = exportedAt;
            return this;
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
         * @param count    event lines read
         * @param lastSeq  the last one's sequence number
         * @param lastHash its hash
         * @param after    how many come after the newest checkpoint relied on
         * @return this builder
         */
        public Builder events(long count, long lastSeq, String lastHash, long after) {
            this.events = count;
            this.headSeq = lastSeq;
            this.headHash = Objects.requireNonNull(lastHash, "lastHash");
            this.eventsAfterNewestCheckpoint = after;
            return this;
        }

        /**
         * @param verdict a checkpoint's verdict
         * @return this builder
         */
        public Builder checkpoint(CheckpointVerdict verdict) {
            checkpoints.add(Objects.requireNonNull(verdict, "verdict"));
            return this;
        }

        /**
         * @param finding a break
         * @return this builder
         */
        public Builder finding(AuditFinding finding) {
            if (findings.size() < MAX_FINDINGS) {
                findings.add(Objects.requireNonNull(finding, "finding"));
            } else {
                findingsLeftOut++;
            }
            return this;
        }

        /**
         * @param message something the auditor should know that is not a break
         * @return this builder
         */
        public Builder warning(String message) {
            warnings.add(Objects.requireNonNull(message, "message"));
            return this;
        }

        /** @return the report */
        public AuditExportReport build() {
            return new AuditExportReport(this);
        }
    }
}
