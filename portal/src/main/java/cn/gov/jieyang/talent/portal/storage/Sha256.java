package cn.gov.jieyang.talent.portal.storage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as the portal uses it everywhere: the content store's keys, the audit chain, package checks
 * and the seal's fingerprint. One place, so every feature hashes and spells hashes the same way
 * (lower-case hex, as stored in the database).
 */
public final class Sha256 {

    private Sha256() {
    }

    /**
     * A fresh digest, e.g. to hash a stream as it passes through a {@link java.security.DigestInputStream}.
     *
     * @return a new SHA-256 digest
     */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256; its absence is a broken runtime, not an input error.
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /**
     * Finishes a digest.
     *
     * @param digest a digest that has seen all the bytes; reset by this call
     * @return the hash in lower-case hex
     */
    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Hashes bytes held in memory.
     *
     * @param bytes the bytes
     * @return their hash in lower-case hex
     */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest().digest(bytes));
    }
}
