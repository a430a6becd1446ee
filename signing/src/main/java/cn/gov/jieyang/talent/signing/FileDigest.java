package cn.gov.jieyang.talent.signing;

import java.util.HexFormat;
import java.util.Objects;

/**
 * The SHA-256 digest of one file as recorded in a package's manifest.
 *
 * @param name      the entry name
 * @param mediaType the media type recorded in the manifest
 * @param size      the size in bytes (-1 when read from a manifest, which does not record sizes)
 * @param sha256    the 32-byte SHA-256 digest
 */
public record FileDigest(String name, String mediaType, long size, byte[] sha256) {

    /**
     * Checks and copies its input.
     *
     * @param name      the entry name
     * @param mediaType the media type
     * @param size      the size in bytes, or -1
     * @param sha256    the digest
     */
    public FileDigest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mediaType, "mediaType");
        if (sha256 == null || sha256.length != 32) {
            throw new IllegalArgumentException("a SHA-256 digest has 32 bytes");
        }
        sha256 = sha256.clone();
    }

    /** @return a copy of the digest */
    @Override
    public byte[] sha256() {
        return sha256.clone();
    }

    /** @return the digest in lower-case hex, as {@code sha256sum} prints it */
    public String sha256Hex() {
        return HexFormat.of().formatHex(sha256);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileDigest d && d.name.equals(name) && d.mediaType.equals(mediaType) && d.size == size
                && java.util.Arrays.equals(d.sha256, sha256);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, mediaType, size, java.util.Arrays.hashCode(sha256));
    }

    @Override
    public String toString() {
        return name + " " + mediaType + " sha256=" + sha256Hex();
    }
}
