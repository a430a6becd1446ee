package cn.gov.jieyang.talent.dataprotection.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Derives independent keys from one configured key: HMAC-SHA256(configured key, label), one label per
 * use. HMAC-SHA256 is a pseudo-random function, so outputs for different labels are independent: the
 * deterministic keyed hash never shares a key with the encryption, and the key id reveals neither.
 *
 * <p>Changing a label changes the derived key and so makes every value sealed or hashed with it
 * unusable: the labels are part of the stored format.
 */
public final class Derivation {

    /** Label of the A256GCM content-encryption key of the JWE. */
    public static final String ENCRYPTION_LABEL = "cn.gov.jieyang.talent.dataprotection/jwe-dir-A256GCM/v1";
    /** Label of the HMAC-SHA256 key of the keyed hash. */
    public static final String HASH_LABEL = "cn.gov.jieyang.talent.dataprotection/keyed-hash-HMAC-SHA256/v1";
    /** Label of the key id: its first {@link #KID_BYTES} bytes, base64url. */
    public static final String KID_LABEL = "cn.gov.jieyang.talent.dataprotection/kid/v1";
    /** 72 bits: no two keys of one ring share a kid by chance, and 12 characters stay readable. */
    public static final int KID_BYTES = 9;

    private static final String HMAC = "HmacSHA256";

    private Derivation() {
    }

    /**
     * HMAC-SHA256 of {@code label} under {@code key}.
     *
     * @param key   the configured key
     * @param label one of the labels of this class
     * @return 32 bytes; the caller clears them once used
     */
    public static byte[] derive(byte[] key, String label) {
        return hmac(new SecretKeySpec(key, HMAC), label.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * HMAC-SHA256 of {@code data} under an already derived key.
     *
     * @param key  an HMAC-SHA256 key
     * @param data the message
     * @return 32 bytes
     */
    public static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            // A new Mac per call: Mac instances are stateful and not thread-safe.
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JDK", e);
        }
    }
}
