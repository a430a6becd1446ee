package cn.gov.jieyang.talent.signing;

/**
 * Bounds on what a verifier will read from an untrusted package, so that a ZIP bomb or a crafted
 * archive costs bounded time, memory and disk. Sizes are checked against what is actually read, not
 * only what the archive declares.
 *
 * @param maxEntries        most entries in the container
 * @param maxEntrySize      most uncompressed bytes of one entry
 * @param maxTotalSize      most uncompressed bytes of all entries together
 * @param maxMetadataSize   most bytes of the manifest or the signature (held in memory)
 */
public record PackageLimits(int maxEntries, long maxEntrySize, long maxTotalSize, int maxMetadataSize) {

    /** 1,000 entries, 2 GiB per entry, 8 GiB in all, 4 MiB of manifest or signature. */
    public static final PackageLimits DEFAULT = new PackageLimits(1_000, 2L << 30, 8L << 30, 4 << 20);

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
}
