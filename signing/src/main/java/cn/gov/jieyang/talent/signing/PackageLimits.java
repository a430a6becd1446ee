package cn.gov.jieyang.talent.signing;

/**
 * Bounds on what a verifier will read from an untrusted package, so that a ZIP bomb or a crafted
 * archive costs bounded time, memory and disk. Sizes are checked against what is actually read, not
 * only what the archive declares: the sizes in a ZIP's headers are the attacker's to choose, so a
 * package whose headers are honest is refused before anything is inflated, and one whose headers lie
 * is refused as soon as the bytes inflated cross the bound, with reading stopped there.
 *
 * <p>The inflated-size bounds are what keep a verification short: an 8 MiB package of zeros inflates
 * to 7 GiB and took 28 s to hash. Choose them as a small multiple of the largest package a caller can
 * be handed, e.g. 4 x an upload limit; materials are mostly PDFs and images, stored rather than
 * deflated, so a genuine package inflates to little more than its own size. A package over a bound is
 * TOTAL_FAILED / FORMAT_FAILURE with the bound named, unchecked: verify a genuinely larger package with
 * larger bounds ({@link #withMaxInflatedSize}).
 *
 * @param maxEntries        most entries in the container
 * @param maxEntrySize      most uncompressed bytes of one entry
 * @param maxTotalSize      most uncompressed bytes of all entries together
 * @param maxMetadataSize   most bytes of the manifest or the signature (held in memory)
 */
public record PackageLimits(int maxEntries, long maxEntrySize, long maxTotalSize, int maxMetadataSize) {

    /**
     * 1,000 entries, 100 MiB per entry and 100 MiB in all (4 x the portal's 25 MiB limit for a package
     * an auditor uploads), 4 MiB of manifest or signature.
     */
    public static final PackageLimits DEFAULT = new PackageLimits(1_000, 100L << 20, 100L << 20, 4 << 20);

    /**
     * Checks the bounds are positive.
     *
     * @param maxEntries      most entries
     * @param maxEntrySize    most bytes per entry
     * @param maxTotalSize    most bytes in all
     * @param maxMetadataSize most bytes of manifest or signature
     */
    public PackageLimits {
        if (maxEntries < 3 || maxEntrySize <= 0 || maxTotalSize <= 0 || maxMetadataSize <= 0) {
            throw new IllegalArgumentException("package limits must be positive (and allow at least 3 entries)");
        }
    }

    /**
     * The same bounds, but at most {@code bytes} inflated in all and so per entry.
     *
     * @param bytes most uncompressed bytes of the whole package (and of any one entry)
     * @return the new bounds
     */
    public PackageLimits withMaxInflatedSize(long bytes) {
        return new PackageLimits(maxEntries, bytes, bytes, maxMetadataSize);
    }
}
