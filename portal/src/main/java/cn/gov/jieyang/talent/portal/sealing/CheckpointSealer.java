package cn.gov.jieyang.talent.portal.sealing;

import cn.gov.jieyang.talent.signing.AuditChain;
import cn.gov.jieyang.talent.signing.CheckpointSigner;
import cn.gov.jieyang.talent.signing.SealedCheckpoint;
import cn.gov.jieyang.talent.signing.TimeStampSource;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Seals audit checkpoints with the bureau's seal (a detached CAdES signature over the checkpoint's
 * canonical bytes, the seal CA's CRL embedded) and, when a time-stamping authority is configured
 * ({@link TimeStampProperties}, the packages' TSA), a time-stamp over that signature. A TSA that fails
 * never loses the checkpoint: it is sealed unstamped and says why, whatever
 * {@code fallback-to-b} says for packages.
 */
@Service
public class CheckpointSealer {

    private final CheckpointSigner signer;

    /**
     * Creates the sealer.
     *
     * @param seal  the bureau's seal
     * @param tsa   the time-stamping authority, if any
     * @param clock the clock the TSA's time is compared with
     */
    @Autowired
    public CheckpointSealer(SealKey seal, TimeStampProperties tsa, Clock clock) {
        this(seal, tsa.enabled() ? TimeStampSource.http(tsa.url(), tsa.timeout()) : null, clock);
    }

    /**
     * Creates a sealer with a given TSA (tests: an in-process one).
     *
     * @param seal  the bureau's seal
     * @param tsa   the time-stamping authority, or null for none
     * @param clock the clock
     */
    public CheckpointSealer(SealKey seal, TimeStampSource tsa, Clock clock) {
        CheckpointSigner.Builder builder = CheckpointSigner.builder(seal.signingKey()).clock(clock);
        seal.crl().ifPresent(builder::crl);
        if (tsa != null) {
            builder.timeStampSource(tsa);
        }
        this.signer = builder.build();
    }

    /**
     * Seals a checkpoint.
     *
     * @param checkpoint what to state
     * @return it sealed, time-stamped if the TSA answered
     */
    public SealedCheckpoint seal(AuditChain.Checkpoint checkpoint) {
        return signer.seal(checkpoint);
    }
}
