package cn.gov.jieyang.talent.signing;

import cn.gov.jieyang.talent.signing.internal.AsicPackageVerifier;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Verifies material packages: container format, the signature over the manifest, every file against
 * the manifest, no file added, each signature time-stamp, and the signer's chain to a trust anchor
 * with the embedded (and any given) CRLs, judged at the time a valid time-stamp proves the signature
 * existed, else at the signer's claimed time as long as the seal certificate is still valid at the
 * validation time. Works offline.
 *
 * <pre>{@code
 * VerificationReport report = PackageVerifier.builder()
 *         .trustAnchor(PkiFiles.readCertificates(caPem).get(0))
 *         .build()
 *         .verify(Path.of("application.asice"));
 * if (!report.isValid()) { ... report.problems() ... }
 * }</pre>
 *
 * <p>Implementations are immutable and safe to share between threads.
 */
public interface PackageVerifier {

    /**
     * Verifies a package. A tampered or malformed package is a normal outcome, reported in the
     * result; nothing about the package's content makes this throw.
     *
     * @param asicePackage the package file
     * @return the report
     * @throws SigningException ({@link SigningException.Reason#IO_FAILURE}) only when the file itself
     *                          cannot be read (absent, no permission)
     */
    VerificationReport verify(Path asicePackage);

    /** @return a builder; without a trust anchor every package is at best INDETERMINATE */
    static Builder builder() {
        return new Builder();
    }

    /** Configures a {@link PackageVerifier}. */
    final class Builder {
        private final List<X509Certificate> anchors = new ArrayList<>();
        private final List<X509CRL> crls = new ArrayList<>();
        private PackageLimits limits = PackageLimits.DEFAULT;
        private Instant validationTime;

        private Builder() {
        }

        /**
         * Trusts a CA (or a seal certificate directly) as the end of a chain.
         *
         * @param anchor a trusted certificate
         * @return this builder
         */
        public Builder trustAnchor(X509Certificate anchor) {
            anchors.add(Objects.requireNonNull(anchor, "anchor"));
            return this;
        }

        /**
         * Adds revocation data beside the CRLs embedded in the package, e.g. the CA's current CRL: it
         * can show a revocation after signing, which a CRL embedded at signing cannot.
         *
         * @param crl a CRL of a CA in the seal's or a TSA's chain
         * @return this builder
         */
        public Builder crl(X509CRL crl) {
            crls.add(Objects.requireNonNull(crl, "crl"));
            return this;
        }

        /**
         * @param limits bounds for reading untrusted packages (default {@link PackageLimits#DEFAULT})
         * @return this builder
         */
        public Builder limits(PackageLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Bounds the bytes inflated from a package, in all and per entry (default 100 MiB,
         * {@link PackageLimits#DEFAULT}); keeps the other {@link #limits}. Counted while inflating, not
         * taken from the ZIP headers: a package over it is refused as TOTAL_FAILED / FORMAT_FAILURE with
         * the bound named, and reading stops there. Use a small multiple of the largest package a
         * caller can be handed, e.g. 4 x an upload limit.
         *
         * @param bytes most uncompressed bytes of a package
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder maxInflatedSize(long bytes) {
            this.limits = limits.withMaxInflatedSize(bytes);
            return this;
        }

        /**
         * Sets the validation time (default: the moment each {@link #verify} starts).
         *
         * @param time the validation time, e.g. years after signing
         * @return this builder
         */
        public Builder validationTime(Instant time) {
            this.validationTime = Objects.requireNonNull(time, "time");
            return this;
        }

        /** @return the verifier */
        public PackageVerifier build() {
            return new AsicPackageVerifier(anchors, crls, limits, validationTime);
        }
    }
}
