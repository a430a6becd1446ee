package cn.gov.jieyang.talent.authbridge.session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Protects personal data at rest: AES-256-GCM for ID numbers (random IV, a context string as
 * associated data so a ciphertext cannot be moved to another purpose), and a keyed hash (HMAC-SHA256)
 * that turns an identity into a stable subject without revealing it. Two keys are derived from the
 * configured one so that the hash key is never the encryption key.
 */
@Component
public class DataProtector {

    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec hashKey;

    DataProtector(SessionProperties properties) {
        byte[] master = decode(properties.dataKey());
        this.encryptionKey = new SecretKeySpec(hmac(master, "encrypt"), "AES");
        this.hashKey = new SecretKeySpec(hmac(master, "subject"), "HmacSHA256");
    }

    /**
     * Encrypts.
     *
     * @param plaintext the value
     * @param context   what it is (e.g. "id_number"), bound as associated data
     * @return IV followed by ciphertext and tag
     */
    public byte[] encrypt(String plaintext, String context) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, iv));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(iv.length + ct.length).put(iv).put(ct).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    /**
     * Decrypts what {@link #encrypt} produced with the same context.
     *
     * @param sealed  IV + ciphertext
     * @param context the same context
     * @return the value
     */
    public String decrypt(byte[] sealed, String context) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, sealed, 0, IV_BYTES));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed (wrong key or tampered data)", e);
        }
    }

    /**
     * A stable pseudonymous subject for an identity: the same input always gives the same subject,
     * and the subject reveals nothing of the input without the key.
     *
     * @param prefix   a short type prefix, e.g. "p" (person) or "e" (enterprise)
     * @param identity the identity, e.g. "resident_id:445202199001011234"
     * @return e.g. {@code p-3f2a...} (32 hex digits after the prefix)
     */
    public String subjectFor(String prefix, String identity) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            byte[] h = mac.doFinal(identity.getBytes(StandardCharsets.UTF_8));
            return prefix + "-" + HexFormat.of().formatHex(h, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decode(String base64) {
        byte[] key;
        try {
            key = base64 == null ? new byte[0] : Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length != 32) {
            throw new IllegalStateException("bridge.session.data-key must be base64 of exactly 32 random bytes "
                    + "(e.g. `openssl rand -base64 32`)");
        }
        return key;
    }

    private static byte[] hmac(byte[] key, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
