package cn.gov.jieyang.talent.signing;

import java.util.Objects;

/**
 * What was found about one checkpoint's seal.
 *
 * @param sealed     the sealed checkpoint as read
 * @param signature  the signature's report: indication, signer and chain, the time-stamp (if any) and
 *                   the proof of existence
 * @param status     whether the checkpoint is relied on
 */
public record CheckpointVerdict(SealedCheckpoint sealed, VerificationReport signature, Status status) {

    /** Whether a checkpoint is relied on. */
    public enum Status {
        /** The seal is valid (TOTAL_PASSED): the checkpoint's head must be on the chain. */
        USED,
        /**
         * The signature verifies and chains to the trusted CA, but the seal's certificate has expired
         * at the validation time and no time-stamp proves the checkpoint existed before that
         * (INDETERMINATE / OUT_OF_BOUNDS_NO_POE): it proves nothing, and nothing against the chain.
         */
        NO_PROOF_OF_EXISTENCE,
        /** Any other result: the seal is forged, altered, untrusted or revoked; a break by itself. */
        REFUSED
    }

    /**
     * Checks the parts.
     *
     * @param sealed     sealed checkpoint
     * @param signature  report
     * @param status     status
     */
    public CheckpointVerdict {
        Objects.requireNonNull(sealed, "sealed");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(status, "status");
    }

    /** @return what the checkpoint states */
    public AuditChain.Checkpoint checkpoint() {
        return sealed.checkpoint();
    }

    /** @return true when the checkpoint is relied on */
    public boolean isUsed() {
        return status == Status.USED;
    }
}
