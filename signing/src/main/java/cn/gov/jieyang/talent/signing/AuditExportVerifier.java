package cn.gov.jieyang.talent.signing;

import cn.gov.jieyang.talent.signing.internal.AuditExportChecker;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks an audit export ({@link AuditExport}) offline, years later: recomputes every event's hash
 * with {@link AuditChain#eventHash}, follows every link, verifies each checkpoint's seal (detached
 * CAdES, its time-stamp if any, the chain to a trust anchor at the time a valid time-stamp proves, as
 * {@link PackageVerifier} does) and compares the head each sealed checkpoint states with the chain.
 * It names the first edited, deleted, reordered or truncated event.
 *
 * <pre>{@code
 * AuditExportReport report = AuditExportVerifier.builder()
 *         .trustAnchor(PkiFiles.readCertificates(caPem).get(0))
 *         .build()
 *         .verify(Path.of("audit-export.jsonl"));
 * if (!report.isIntact()) { ... report.firstBroken() ... }
 * }</pre>
 *
 * <p>The file is read twice, a line at a time (a line of at most 1 MiB), so its size does not
 * matter; memory grows only with the number of checkpoints. Immutable and safe to share.
 */
public interface AuditExportVerifier {

    /**
     * Checks an export. A broken or malformed export is a normal outcome, reported in the result.
     *
     * @param export the JSON Lines file
     * @return the report
     * @throws SigningException ({@link SigningException.Reason#IO_FAILURE}) only when the file cannot
     *                          be read
     */
    AuditExportReport verify(Path export);

    /**
     * Verifies one sealed checkpoint (the portal's chain page uses it on its newest).
     *
     * @param checkpoint the checkpoint and its seal
     * @return its verdict
     */
    CheckpointVerdict verify(SealedCheckpoint checkpoint);

    /** @return a builder; without a trust anchor no checkpoint is relied on */
    static Builder builder() {
        return new Builder();
    }

    /** Configures an {@link AuditExportVerifier}. */
    final class Builder {
        private final List<X509Certificate> anchors = new ArrayList<>();
        private final List<X509CRL> crls = new ArrayList<>();
        private Instant validationTime;

        private Builder() {
        }

        /**
         * @param anchor a CA certificate (the bureau seal's) that checkpoints must chain to
         * @return this builder
         */
        public Builder trustAnchor(X509Certificate anchor) {
            anchors.add(Objects.requireNonNull(anchor, "anchor"));
            return this;
        }

        /**
         * @param crl revocation data beside the CRLs embedded in each checkpoint's signature
         * @return this builder
         */
        public Builder crl(X509CRL crl) {
            crls.add(Objects.requireNonNull(crl, "crl"));
            return this;
        }

        /**
         * @param time when the seals are judged (default: the moment each check starts)
         * @return this builder
         */
        public Builder validationTime(Instant time) {
            this.validationTime = Objects.requireNonNull(time, "time");
            return this;
        }

        /** @return the verifier */
        public AuditExportVerifier build() {
            return new AuditExportChecker(anchors, crls, validationTime);
        }
    }
}
