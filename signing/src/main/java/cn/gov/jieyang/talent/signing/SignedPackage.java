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
 */
public record SignedPackage(Path path, List<FileDigest> files, Instant signingTime, String signer,
                            SignatureAlgorithm algorithm) {

    /**
     * Checks and copies its input.
     *
     * @param path        the written package
     * @param files       the files
     * @param signingTime the signing time
     * @param signer      the signer's subject
     * @param algorithm   the algorithm
     */
    public SignedPackage {
        Objects.requireNonNull(path, "path");
        files = List.copyOf(files);
        Objects.requireNonNull(signingTime, "signingTime");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(algorithm, "algorithm");
    }
}
