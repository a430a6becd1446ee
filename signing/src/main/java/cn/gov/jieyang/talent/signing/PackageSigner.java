package cn.gov.jieyang.talent.signing;

import cn.gov.jieyang.talent.signing.internal.AsicPackageSigner;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds and seals ASiC-E material packages: each file streamed once into the container while its
 * SHA-256 is computed, then a manifest of those digests, then a detached CAdES signature over the
 * manifest.
 *
 * <pre>{@code
 * PackageSigner signer = PackageSigner.builder(SigningKey.fromPkcs12(p12, password))
 *         .crl(PkiFiles.readCrl(caCrl))
 *         .build();
 * SignedPackage p = signer.sign(PackageContents.builder()
 *         .summary(summary)
 *         .add(PackageEntry.of("id-card.pdf", MediaTypes.PDF, idCardPdf))
 *         .build(), Path.of("application.asice"));
 * }</pre>
 *
 * <p>Implementations are immutable and safe to share between threads.
 */
public interface PackageSigner {

    /**
     * Writes a signed package. The target appears only when complete: the package is written to a
     * temporary file beside it and moved into place, so a failure never leaves half a package.
     *
     * @param contents the files to seal
     * @param target   where to write the package; replaced if it exists
     * @return what was signed
     * @throws SigningException when an input cannot be read or the package cannot be written, or
     *                          ({@link SigningException.Reason#TIME_STAMP_FAILURE}) a configured TSA fails
     */
    SignedPackage sign(PackageContents contents, Path target);

    /**
     * Starts a signer for a key.
     *
     * @param key the seal's key and certificate chain
     * @return a builder
     */
    static Builder builder(SigningKey key) {
        return new Builder(key);
    }

    /** Configures a {@link PackageSigner}. */
    final class Builder {
        private final SigningKey key;
        private final List<X509CRL> crls = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private TimeStampSource tsa;
        private boolean tsaOptional;

        private Builder(SigningKey key) {
            this.key = Objects.requireNonNull(key, "key");
        }

        /**
         * Embeds a CRL (revocation values), so that an offline validator can tell the seal certificate
         * was not revoked when it signed. Call once per CA in the chain.
         *
         * @param crl a CRL issued by a CA of the signer's chain
         * @return this builder
         */
        public Builder crl(X509CRL crl) {
            crls.add(Objects.requireNonNull(crl, "crl"));
            return this;
        }

        /**
         * Sets the clock for the signing time (tests; default: the system clock, UTC).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Time-stamps every signature (CAdES-T): a token from the TSA over the signature value, stored
         * as the unsigned attribute signature-time-stamp. It is the proof of existence that lets a
         * verifier accept the package after the seal's certificate has expired. If the TSA does not
         * answer, or its answer does not check out, {@link PackageSigner#sign} fails and writes
         * nothing, unless {@link #timeStampOptional(boolean)} allows baseline B. The TSA's time must be
         * within 5 minutes of this builder's {@link #clock(Clock) clock}.
         *
         * @param source the TSA, e.g. {@link TimeStampSource#http(java.net.URI)}
         * @return this builder
         */
        public Builder timeStampSource(TimeStampSource source) {
            this.tsa = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * @param optional true: when the TSA fails, sign at baseline B and say so in
         *                 {@link SignedPackage#warnings()} instead of failing (default false)
         * @return this builder
         */
        public Builder timeStampOptional(boolean optional) {
            this.tsaOptional = optional;
            return this;
        }

        /** @return the signer */
        public PackageSigner build() {
            return new AsicPackageSigner(key, crls, clock, tsa, tsaOptional);
        }
    }
}
