package cn.gov.jieyang.talent.authbridge.keys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts private keys for the database with AES-256-GCM.
 *
 * <p>Layout: {@code 0x01 || IV (12 random bytes) || ciphertext || tag (16 bytes)}. A fresh random
 * IV per encryption is what GCM's security needs (an IV reused under one key leaks the
 * authentication key and XOR of plaintexts); with one encryption per key creation, random 96-bit
 * IVs are far from the collision bound. The kid is the associated data: a ciphertext copied into
 * another row fails its tag check instead of silently becoming that row's private key.
 *
 * <p>Neither the AES key nor a plaintext is ever put into a message or log line.
 */
final class KeyCipher {

    /**
     * The development default, base64 of the 32 ASCII bytes {@code auth-bridge-DEV-ONLY-not-4-prod!}.
     * It is public knowledge (it is in the repository), so using it is only acceptable on a
     * developer's machine: a WARN says so at every start.
     */
    static final String DEVELOPMENT_KEY_BASE64 = "YXV0aC1icmlkZ2UtREVWLU9OTFktbm90LTQtcHJvZCE=";

    private static final Logger log = LoggerFactory.getLogger(KeyCipher.class);
    private static final byte FORMAT_VERSION = 1;
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    private KeyCipher(byte[] rawKey) {
        this.key = new SecretKeySpec(rawKey, "AES");
    }

    /**
     * Builds the cipher from {@code bridge.keys.encryption-key}, refusing anything but base64 of
     * exactly 32 bytes. The messages name the property and the expected form, never the value.
     */
    static KeyCipher fromBase64(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalStateException("bridge.keys.encryption-key is not set: the signing keys cannot be "
                    + "stored without it. Set BRIDGE_KEYS_ENCRYPTION_KEY to the base64 of 32 random bytes "
                    + "(openssl rand -base64 32), the same value on every bridge instance.");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException notBase64) {
            // Not chained: the decoder's message may quote the offending character of the secret.
            throw new IllegalStateException("bridge.keys.encryption-key is not valid base64: it must be the "
                    + "base64 of 32 random bytes (openssl rand -base64 32).");
        }
        try {
            if (raw.length != KEY_BYTES) {
                throw new IllegalStateException("bridge.keys.encryption-key must be the base64 of exactly 32 bytes "
                        + "(AES-256), but it decodes to " + raw.length + " bytes (openssl rand -base64 32).");
            }
            byte[] development = Base64.getDecoder().decode(DEVELOPMENT_KEY_BASE64);
            if (MessageDigest.isEqual(raw, development)) {
                log.warn("bridge.keys.encryption-key is the PUBLIC DEVELOPMENT DEFAULT: anyone with a copy of the "
                        + "database can decrypt the token signing keys. Never use it outside a developer machine; "
                        + "set BRIDGE_KEYS_ENCRYPTION_KEY (openssl rand -base64 32).");
            }
            return new KeyCipher(raw);
        } finally {
            // SecretKeySpec keeps its own copy; do not leave another one lying on the heap.
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** Encrypts {@code plaintext} for the row whose primary key is {@code kid}. */
    byte[] encrypt(byte[] plaintext, String kid) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(FORMAT_VERSION).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /**
     * Decrypts what {@link #encrypt} stored for {@code kid}.
     *
     * @throws IllegalStateException if the bytes were made with another AES key, for another kid,
     *                               or were altered
     */
    byte[] decrypt(byte[] stored, String kid) {
        if (stored == null || stored.length < 1 + IV_BYTES + TAG_BITS / 8 || stored[0] != FORMAT_VERSION) {
            throw new IllegalStateException("Private key of signing key " + kid + " is missing or not in a known format");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 1, IV_BYTES));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(stored, 1 + IV_BYTES, stored.length - 1 - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot decrypt the private key of signing key " + kid + ": "
                    + "bridge.keys.encryption-key is not the key it was stored with, or the row was altered", e);
        }
    }
}
