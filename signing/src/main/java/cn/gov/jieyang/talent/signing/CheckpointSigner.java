package cn.gov.jieyang.talent.signing;

import cn.gov.jieyang.talent.signing.internal.DetachedSignatures;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;

/**
 * Seals audit checkpoints: a detached CAdES signature (the same signed attributes as a package's:
 * content-type, message-digest, signing-time = the checkpoint's time, signing-certificate-v2; the
 * chain and CRLs embedded) over {@link AuditChain.Checkpoint#content()}, then, with a TSA, a time-stamp
 * over the signature's value. A TSA that does not answer, or whose answer does not check out, never
 * loses the checkpoint: it is returned unstamped, with the reason.
 *
 * <pre>{@code
 * CheckpointSigner signer = CheckpointSigner.builder(seal).crl(caCrl).timeStampSource(tsa).build();
 * SealedCheckpoint sealed = signer.seal(new AuditChain.Checkpoint("portal", 1234, 1230, head, now));
 * }</pre>
 *
 * <p>Immutable and safe to share between threads.
 */
public final class CheckpointSigner {

    private final SigningKey key;
    private final List<X509CRL> crls;
    private final Clock clock;
    private final TimeStampSource tsa;

    private CheckpointSigner(Builder b) {
        this.key = b.key;
        this.crls = List.copyOf(b.crls);
        this.clock = b.clock;
        this.tsa = b.tsa;
    }

    /**
     * @param key the seal
     * @return a builder
     */
    public static Builder builder(SigningKey key) {
        return new Builder(key);
    }

    /**
     * Seals a checkpoint.
     *
     * @param checkpoint what to state
     * @return the sealed checkpoint, time-stamped when a TSA is configured and answered
     * @throws SigningException ({@link SigningException.Reason#CERTIFICATE_UNUSABLE}) when the seal's
     *                          certificate is not valid at the checkpoint's time
     */
    public SealedCheckpoint seal(AuditChain.Checkpoint checkpoint) {
        try {
            key.certificate().checkValidity(Date.from(checkpoint.at()));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new SigningException(SigningException.Reason.CERTIFICATE_UNUSABLE,
                    "the seal certificate is not valid at " + checkpoint.at() + ": " + e.getMessage(), e);
        }
        byte[] signature = DetachedSignatures.sign(key, crls, checkpoint.content(), checkpoint.at());
        if (tsa == null) {
            return new SealedCheckpoint(checkpoint, signature, null, null, null);
        }
        try {
            DetachedSignatures.Stamp stamp = DetachedSignatures.timeStamp(signature, tsa, clock);
            return new SealedCheckpoint(checkpoint, signature, stamp.token(), stamp.genTime(), null);
        } catch (SigningException e) {
            if (e.reason() != SigningException.Reason.TIME_STAMP_FAILURE) {
                throw e;
            }
            return new SealedCheckpoint(checkpoint, signature, null, null, e.getMessage());
        }
    }

    /** Configures a {@link CheckpointSigner}. */
    public static final class Builder {
        private final SigningKey key;
        private final List<X509CRL> crls = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private TimeStampSource tsa;

        private Builder(SigningKey key) {
            this.key = Objects.requireNonNull(key, "key");
        }

        /**
         * @param crl a CRL of a CA in the seal's chain, embedded for offline checks
         * @return this builder
         */
        public Builder crl(X509CRL crl) {
            crls.add(Objects.requireNonNull(crl, "crl"));
            return this;
        }

        /**
         * @param clock the local clock the TSA's time is compared with (5 minutes at most apart)
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param source the TSA that time-stamps each checkpoint
         * @return this builder
         */
        public Builder timeStampSource(TimeStampSource source) {
            this.tsa = Objects.requireNonNull(source, "source");
            return this;
        }

        /** @return the signer */
        public CheckpointSigner build() {
            return new CheckpointSigner(this);
        }
    }
}
