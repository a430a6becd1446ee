package cn.gov.jieyang.talent.signing;

import cn.gov.jieyang.talent.signing.internal.DetachedSignatures;
import cn.gov.jieyang.talent.signing.internal.SignatureTimeStamper;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;

/**
 * Detached CAdES signatures over bytes held in memory, for documents that carry their signature
 * themselves, such as a PDF report's signature dictionary ({@code adbe.pkcs7.detached}): the signed
 * attributes of a package's signature (content-type, message-digest, signing-time, signing-certificate-v2;
 * the chain and CRLs embedded) and, with a TSA, its time-stamp over the signature value as the
 * {@code signature-time-stamp} unsigned attribute (CAdES-T).
 *
 * <pre>{@code
 * DetachedSigner signer = DetachedSigner.builder(seal).crl(caCrl).timeStampSource(tsa).build();
 * byte[] cms = signer.sign(bytes, Instant.now());
 * }</pre>
 *
 * <p>Unlike a checkpoint, whose TSA may be down without losing the checkpoint, a signature that was
 * asked to be time-stamped and could not be fails: the caller decides whether to offer it unstamped.
 * Immutable and safe to share between threads.
 */
public final class DetachedSigner {

    private final SigningKey key;
    private final List<X509CRL> crls;
    private final Clock clock;
    private final TimeStampSource tsa;

    private DetachedSigner(Builder b) {
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
     * Signs bytes.
     *
     * @param content     what is signed (not embedded in the signature)
     * @param signingTime the signing-time attribute
     * @return the DER CMS SignedData, time-stamped when a TSA is configured
     * @throws SigningException {@link SigningException.Reason#CERTIFICATE_UNUSABLE} when the seal is not
     *                          valid at {@code signingTime}; {@link SigningException.Reason#TIME_STAMP_FAILURE}
     *                          when a configured TSA fails
     */
    public byte[] sign(byte[] content, Instant signingTime) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(signingTime, "signingTime");
        try {
            key.certificate().checkValidity(Date.from(signingTime));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new SigningException(SigningException.Reason.CERTIFICATE_UNUSABLE,
                    "the seal certificate is not valid at " + signingTime + ": " + e.getMessage(), e);
        }
        byte[] signature = DetachedSignatures.sign(key, crls, content, signingTime);
        return tsa == null ? signature : SignatureTimeStamper.stamp(signature, tsa, clock).signature();
    }

    /** Configures a {@link DetachedSigner}. */
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
         * @param clock the local clock the TSA's time is compared with
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param source the TSA that time-stamps each signature
         * @return this builder
         */
        public Builder timeStampSource(TimeStampSource source) {
            this.tsa = Objects.requireNonNull(source, "source");
            return this;
        }

        /** @return the signer */
        public DetachedSigner build() {
            return new DetachedSigner(this);
        }
    }
}
