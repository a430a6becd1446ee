package cn.gov.jieyang.talent.signing;

import java.time.Instant;
import java.util.Objects;

/**
 * An audit checkpoint with its seal: the detached CAdES signature over {@link AuditChain.Checkpoint#content()}
 * and, when the time-stamping authority answered, an RFC 3161 token over that signature's value (the
 * imprint of CAdES-T's signature-time-stamp). A checkpoint whose TSA failed is still sealed and kept:
 * it then has no token and says why.
 *
 * @param checkpoint       what is stated
 * @param signature        the DER CMS SignedData (content not embedded)
 * @param timeStampToken   the DER time-stamp token, or null
 * @param timeStampedAt    the token's time, or null
 * @param timeStampProblem why there is no token although a TSA was configured (no personal data, no
 *                         credentials), or null
 */
public record SealedCheckpoint(AuditChain.Checkpoint checkpoint, byte[] signature, byte[] timeStampToken,
                               Instant timeStampedAt, String timeStampProblem) {

    /**
     * Checks the parts and copies the arrays.
     *
     * @param checkpoint       checkpoint
     * @param signature        signature
     * @param timeStampToken   token or null
     * @param timeStampedAt    its time or null
     * @param timeStampProblem problem or null
     */
    public SealedCheckpoint {
        Objects.requireNonNull(checkpoint, "checkpoint");
        signature = Objects.requireNonNull(signature, "signature").clone();
        timeStampToken = timeStampToken == null ? null : timeStampToken.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public byte[] timeStampToken() {
        return timeStampToken == null ? null : timeStampToken.clone();
    }

    /** @return whether a time-stamping authority vouched for the time */
    public boolean isTimeStamped() {
        return timeStampToken != null;
    }
}
