package cn.gov.jieyang.talent.portal.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Protects ID numbers at rest: encrypts them for storage and computes a keyed lookup hash so that a
 * unique index can find a person by ID number without decrypting every row.
 *
 * <p>From one 32-byte master key two independent keys are derived, one for AES-256-GCM and one for
 * HMAC-SHA256, so the deterministic lookup hash never shares a key with the encryption. The lookup
 * hash is keyed because ID numbers have so little entropy (a region, a birth date, three digits) that
 * a plain SHA-256 of one could be reversed by trying every plausible number.
 *
 * <p>Instances are immutable and thread-safe. No method logs, and no exception message contains an ID
 * number or key material.
 */
public final class IdNumberProtector {

    private static final int MASTER_KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** First byte of every ciphertext, so the format or key can change later without guessing. */
    private static final byte FORMAT_VERSION = 1;
    private static final int MIN_CIPHERTEXT_BYTES = 1 + IV_BYTES + TAG_BITS / 8;
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final String HMAC = "HmacSHA256";
    // Changing a label changes the derived key and so makes every stored ciphertext or hash unusable.
    private static final String ENCRYPTION_LABEL = "cn.gov.jieyang.talent.portal/id-number/aes-256-gcm/v1";
    private static final String LOOKUP_LABEL = "cn.gov.jieyang.talent.portal/id-number/lookup-hmac-sha256/v1";

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec lookupKey;
    // Random 96-bit IVs stay safe for about 2^32 encryptions per key (NIST SP 800-38D): far more ID
    // numbers than this portal will ever store.
    private final SecureRandom random = new SecureRandom();

    /**
     * Creates a protector from the master key.
     *
     * @param base64Key 32 random bytes, base64-encoded (standard alphabet), e.g. the output of
     *                  {@code openssl rand -base64 32}
     * @throws IllegalArgumentException if the key is missing, not base64, not exactly 32 bytes, or
     *                                  obviously not random (all bytes equal)
     */
    public IdNumberProtector(String base64Key) {
        byte[] master = decodeMasterKey(base64Key);
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(master, HMAC));
            byte[] encryption = mac.doFinal(ENCRYPTION_LABEL.getBytes(StandardCharsets.US_ASCII));
            byte[] lookup = mac.doFinal(LOOKUP_LABEL.getBytes(StandardCharsets.US_ASCII));
            this.encryptionKey = new SecretKeySpec(encryption, "AES");
            this.lookupKey = new SecretKeySpec(lookup, HMAC);
            // SecretKeySpec keeps its own copy; do not leave key bytes lying around on the heap.
            Arrays.fill(encryption, (byte) 0);
            Arrays.fill(lookup, (byte) 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JDK", e);
        } finally {
            Arrays.fill(master, (byte) 0);
        }
    }

    /**
     * Encrypts an ID number. Encrypting the same number twice gives different bytes (random IV).
     * The document type is bound to the ciphertext as associated data: it must be stored beside the
     * ciphertext and given back to {@link #decrypt(byte[], IdType)}.
     *
     * @param id the number to encrypt
     * @return version byte, 12-byte IV, then the AES-256-GCM ciphertext and 16-byte tag
     */
    public byte[] encrypt(IdNumber id) {
        Objects.requireNonNull(id, "id");
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] plain = id.value().getBytes(StandardCharsets.US_ASCII);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, id.type());
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(1 + IV_BYTES + sealed.length)
                    .put(FORMAT_VERSION).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * Decrypts an ID number encrypted by {@link #encrypt(IdNumber)} under the same master key.
     *
     * @param ciphertext the bytes returned by {@code encrypt}
     * @param type       the type stored with them; a ciphertext made for another type is refused
     * @return the number, validated again
     * @throws IllegalArgumentException if the bytes are not such a ciphertext, were altered, were made
     *                                  under another key, or were made for another type
     * @throws InvalidIdentityException if the decrypted number no longer passes validation
     */
    public IdNumber decrypt(byte[] ciphertext, IdType type) {
        Objects.requireNonNull(ciphertext, "ciphertext");
        Objects.requireNonNull(type, "type");
        if (ciphertext.length < MIN_CIPHERTEXT_BYTES || ciphertext[0] != FORMAT_VERSION) {
            throw new IllegalArgumentException("not an ID-number ciphertext of format version " + FORMAT_VERSION);
        }
        byte[] plain = null;
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOfRange(ciphertext, 1, 1 + IV_BYTES), type);
            plain = cipher.doFinal(ciphertext, 1 + IV_BYTES, ciphertext.length - 1 - IV_BYTES);
            return IdNumber.of(type, new String(plain, StandardCharsets.US_ASCII));
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("the ID-number ciphertext does not authenticate as " + type
                    + ": altered, made under another key, or made for another ID type");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        } finally {
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    /**
     * Computes the lookup hash of an ID number: HMAC-SHA256 under the derived lookup key over the
     * type and the normalised value. Deterministic, so it can back a unique index; without the key it
     * cannot be recomputed, so a leaked table of hashes does not reveal the numbers.
     *
     * @param id the number
     * @return 32 bytes
     */
    public byte[] lookupHash(IdNumber id) {
        Objects.requireNonNull(id, "id");
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(lookupKey);
            mac.update(id.type().name().getBytes(StandardCharsets.US_ASCII));
            // A separator no type name or value can contain keeps (type, value) pairs unambiguous.
            mac.update((byte) 0);
            return mac.doFinal(id.value().getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JDK", e);
        }
    }

    // A new Cipher per call: Cipher instances are stateful and not thread-safe, and GCM refuses to
    // reuse an (key, IV) pair on one instance anyway.
    private Cipher cipher(int mode, byte[] iv, IdType type) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(CIPHER);
        cipher.init(mode, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
        // The version and the type are authenticated: a passport's ciphertext copied into a resident-ID
        // row (or vice versa) fails to decrypt instead of yielding a number of the wrong type.
        cipher.updateAAD(new byte[] {FORMAT_VERSION});
        cipher.updateAAD(type.name().getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }

    private static byte[] decodeMasterKey(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalArgumentException(
                    "no ID-number key configured: give 32 random bytes as base64 (openssl rand -base64 32)");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            // Not chained: the decoder's message quotes the offending character of the secret key.
            throw new IllegalArgumentException(
                    "the ID-number key is not valid base64: give 32 random bytes as base64 (openssl rand -base64 32)");
        }
        if (key.length != MASTER_KEY_BYTES) {
            int length = key.length;
            Arrays.fill(key, (byte) 0);
            throw new IllegalArgumentException("the ID-number key must be exactly " + MASTER_KEY_BYTES
                    + " bytes once base64-decoded, but is " + length + " bytes (openssl rand -base64 32)");
        }
        boolean allEqual = true;
        for (byte b : key) {
            allEqual &= b == key[0];
        }
        if (allEqual) {
            Arrays.fill(key, (byte) 0);
            throw new IllegalArgumentException(
                    "the ID-number key has all bytes equal, a placeholder rather than a random key");
        }
        return key;
    }
}
