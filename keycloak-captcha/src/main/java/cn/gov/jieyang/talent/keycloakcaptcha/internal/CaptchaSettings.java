package cn.gov.jieyang.talent.keycloakcaptcha.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The captcha's configuration, read from the flow execution's authenticator config (admin console:
 * Authentication → the flow → the captcha step → settings). Every value is bounded: a typo in the
 * console can make the captcha longer or shorter-lived, never absent.
 *
 * @param length          characters in the image (5 or 6)
 * @param expiry          how long a challenge may be answered
 * @param powDifficulty   leading zero bits the proof-of-work path asks for
 * @param answerKey       HMAC key the answers are derived from; empty: a fresh random key per challenge
 */
public record CaptchaSettings(int length, Duration expiry, int powDifficulty, byte[] answerKey) {

    /** Config key: characters in the image. */
    public static final String LENGTH = "captcha.length";
    /** Config key: seconds a challenge stays valid. */
    public static final String EXPIRY_SECONDS = "captcha.expirySeconds";
    /** Config key: proof-of-work difficulty in bits. */
    public static final String POW_DIFFICULTY = "captcha.powDifficulty";
    /** Config key: the answer key (see keycloak/README.md: who may know it, and why tests do). */
    public static final String ANSWER_KEY = "captcha.answerKey";

    /** Defaults: 5 characters, 2 minutes, 16 bits (about a second of a phone's browser). */
    public static final CaptchaSettings DEFAULTS = new CaptchaSettings(5, Duration.ofMinutes(2), 16, new byte[0]);

    /**
     * Reads a config map, falling back to {@link #DEFAULTS} for absent or unreadable values.
     *
     * @param config the authenticator config, or null when the execution has none
     * @return bounded settings
     */
    public static CaptchaSettings from(Map<String, String> config) {
        if (config == null) {
            return DEFAULTS;
        }
        int length = bounded(config.get(LENGTH), DEFAULTS.length, 5, 6);
        int expiry = bounded(config.get(EXPIRY_SECONDS), (int) DEFAULTS.expiry.toSeconds(), 1, 600);
        int difficulty = bounded(config.get(POW_DIFFICULTY), DEFAULTS.powDifficulty, 8, 28);
        String key = config.getOrDefault(ANSWER_KEY, "").strip();
        return new CaptchaSettings(length, Duration.ofSeconds(expiry), difficulty,
                key.getBytes(StandardCharsets.UTF_8));
    }

    private static int bounded(String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Math.max(min, Math.min(max, Integer.parseInt(value.strip())));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
