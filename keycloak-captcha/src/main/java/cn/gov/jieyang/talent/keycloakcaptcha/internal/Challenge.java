package cn.gov.jieyang.talent.keycloakcaptcha.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One captcha challenge: a random id (shown in the form), the text in the image, a proof-of-work
 * puzzle. The text is HMAC-SHA256(key, id) mapped onto {@link #ALPHABET}; without a configured key the
 * key is random and forgotten at once, so nobody, not even the server, can derive the text again.
 *
 * @param id     random, 128 bits, base64url
 * @param answer the characters in the image
 * @param pow    the proof-of-work puzzle (random, base64url)
 */
public record Challenge(String id, String answer, String pow) {

    /** No 0/O, 1/I/L: nothing a person could read two ways. Answers are compared case-insensitively. */
    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A new challenge.
     *
     * @param settings length and answer key
     * @return the challenge
     */
    public static Challenge issue(CaptchaSettings settings) {
        byte[] key = settings.answerKey();
        if (key.length == 0) {
            key = randomBytes(32);
        }
        String id = base64(randomBytes(16));
        return new Challenge(id, answerFor(key, id, settings.length()), base64(randomBytes(16)));
    }

    /**
     * The text of challenge {@code id} under {@code key}: what a holder of the key (a monitoring probe,
     * the project's tests) computes to answer it.
     *
     * @param key    the answer key
     * @param id     the challenge id
     * @param length characters
     * @return the answer, upper case
     */
    public static String answerFor(byte[] key, String id, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] out = mac.doFinal(id.getBytes(StandardCharsets.US_ASCII));
            StringBuilder answer = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                // Two bytes per character: the modulo bias is below 0.05 %.
                int value = ((out[2 * i] & 0xff) << 8) | (out[2 * i + 1] & 0xff);
                answer.append(ALPHABET.charAt(value % ALPHABET.length()));
            }
            return answer.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /**
     * What the authentication session keeps instead of the answer.
     *
     * @param id     challenge id
     * @param answer the text, as typed (trimmed, any case)
     * @return hex SHA-256 of id and upper-cased answer
     */
    public static String hash(String id, String answer) {
        return HexFormat.of().formatHex(sha256(id + ":" + answer.strip().toUpperCase(Locale.ROOT)));
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
