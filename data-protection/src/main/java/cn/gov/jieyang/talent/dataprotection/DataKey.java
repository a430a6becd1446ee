package cn.gov.jieyang.talent.dataprotection;

import cn.gov.jieyang.talent.dataprotection.internal.Derivation;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * One configured key: 32 random bytes, given as base64, from which an A256GCM key (sealing), an
 * HMAC-SHA256 key ({@link KeyedHash}) and a key id are derived (see {@code internal.Derivation}).
 *
 * <p>The key id ({@link #kid()}) is derived from the key, not configured: the first 9 bytes of
 * HMAC-SHA256(key, "…/kid/v1"), base64url, 12 characters. So an operator only ever handles the keys
 * themselves, a kid can never be paired with the wrong key, and the kid reveals nothing of the key.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows the kid only.
 */
public final class DataKey {

    /** Bytes in a key. */
    public static final int LENGTH = 32;

    private static final String HOW = "give the base64 of 32 random bytes (openssl rand -base64 32)";

    private final String kid;
    private final SecretKey encryptionKey;
    private final SecretKeySpec hashKey;

    private DataKey(byte[] key) {
        byte[] encryption = Derivation.derive(key, Derivation.ENCRYPTION_LABEL);
        byte[] hash = Derivation.derive(key, Derivation.HASH_LABEL);
        byte[] kidBytes = Derivation.derive(key, Derivation.KID_LABEL);
        try {
            this.encryptionKey = new SecretKeySpec(encryption, "AES");
            this.hashKey = new SecretKeySpec(hash, "HmacSHA256");
            this.kid = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(Arrays.copyOf(kidBytes, Derivation.KID_BYTES));
        } finally {
            // SecretKeySpec keeps its own copy; do not leave more key bytes lying on the heap.
            Arrays.fill(encryption, (byte) 0);
            Arrays.fill(hash, (byte) 0);
            Arrays.fill(kidBytes, (byte) 0);
        }
    }

    /**
     * Parses a configured key: the one key-parsing rule of the project. Surrounding white space (a
     * trailing newline from a file or an environment variable) is ignored.
     *
     * @param base64  the configured value: standard base64 of exactly 32 bytes, not all equal
     * @param setting where it was configured, named in every error message, e.g.
     *                {@code "bridge.keys.encryption-key (BRIDGE_KEYS_ENCRYPTION_KEY)"}
     * @return the key
     * @throws DataProtectionException {@code KEY_MISSING}, {@code KEY_NOT_BASE64},
     *                                 {@code KEY_WRONG_LENGTH} or {@code KEY_WEAK}; the message names
     *                                 {@code setting} and never contains the value
     */
    public static DataKey fromBase64(String base64, String setting) {
        if (base64 == null || base64.isBlank()) {
            throw new DataProtectionException(DataProtectionException.Reason.KEY_MISSING,
                    setting + " is not set: " + HOW);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException notBase64) {
            // Not chained: the decoder's message quotes the offending character of the secret.
            throw new DataProtectionException(DataProtectionException.Reason.KEY_NOT_BASE64,
                    setting + " is not valid base64: " + HOW);
        }
        try {
            if (key.length != LENGTH) {
                throw new DataProtectionException(DataProtectionException.Reason.KEY_WRONG_LENGTH,
                        setting + " must be the base64 of exactly 32 bytes, but it decodes to " + key.length
                                + " bytes: " + HOW);
            }
            if (allEqual(key)) {
                throw new DataProtectionException(DataProtectionException.Reason.KEY_WEAK,
                        setting + " has all bytes equal, a placeholder rather than a random key: " + HOW);
            }
            return new DataKey(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * Returns the key id that {@link Sealer} writes into the {@code kid} header of what it seals.
     *
     * @return 12 base64url characters, derived from the key
     */
    public String kid() {
        return kid;
    }

    SecretKey encryptionKey() {
        return encryptionKey;
    }

    SecretKeySpec hashKey() {
        return hashKey;
    }

    /** @return the kid only, never key material */
    @Override
    public String toString() {
        return "DataKey[kid=" + kid + "]";
    }

    private static boolean allEqual(byte[] key) {
        boolean allEqual = true;
        for (byte b : key) {
            allEqual &= b == key[0];
        }
        return allEqual;
    }
}
