package cn.gov.jieyang.talent.signing;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link PackageSigner} produced: where the package is and what it attests.
 *
 * @param path        the written package
 * @param files       the files and their digests, in package order
 * @param signingTime the signing time recorded in the signature
 * @param signer      the signer's subject distinguished name
 * @param algorithm   the signature algorithm
 * @param timeStamp   the genTime of the signature time-stamp (CAdES-T), or {@code null} when the package
 *                    is baseline B
 * @param warnings    what the operator should know, e.g. that an optional TSA failed
 */
public record SignedPackage(Path path, List<FileDigest> files, Instant signingTime, String signer,
                            SignatureAlgorithm algorithm, Instant timeStamp, List<String> warnings) {

    /**
     * Checks and copies its input.
     *
     * @param path        the written package
     * @param files       the files
     * @param signingTime the signing time
     * @param signer      the signer's subject
     * @param algorithm   the algorithm
     * @param timeStamp   the time-stamp's genTime or null
     * @param warnings    warnings
     */
    public SignedPackage {
        Objects.requireNonNull(path, "path");
        files = List.copyOf(files);
        Objects.requireNonNull(signingTime, "signingTime");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(algorithm, "algorithm");
        warnings = List.copyOf(warnings);
    }

    /**
     * A baseline-B package with no warnings.
     *
     * @param path        the written package
     * @param files       the files
     * @param signingTime the signing time
     * @param signer      the signer's subject
     * @param algorithm   the algorithm
     */
    public SignedPackage(Path path, List<FileDigest> files, Instant signingTime, String signer,
                         SignatureAlgorithm algorithm) {
        this(path, files, signingTime, signer, algorithm, null, List.of());
    }
}
