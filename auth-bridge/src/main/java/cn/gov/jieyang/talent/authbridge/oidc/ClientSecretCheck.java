package cn.gov.jieyang.talent.authbridge.oidc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How the token endpoint checks a {@code client_secret_basic} secret: SHA-256 and a constant-time
 * comparison, a few microseconds.
 *
 * <p>Why not BCrypt (Spring Authorization Server's default, which it also "upgrades" a {@code {noop}}
 * secret to on first use): a client secret is a long random value, not a password a person chose, so a
 * slow hash adds no protection against guessing, while it let anyone holding a made-up code (or any
 * relying party's secret) burn ~70 ms of the bridge's CPU per request. Registered secrets may be given
 * as {@code {sha256}<hex>} so configuration need not hold the secret itself, or as {@code {noop}<secret>}
 * (the dev profile). Anything else is refused: an unknown format must not become a match.
 */
final class ClientSecretCheck implements PasswordEncoder {

    static final String SHA256 = "{sha256}";
    private static final String NOOP = "{noop}";

    @Override
    public String encode(CharSequence rawSecret) {
        return SHA256 + HexFormat.of().formatHex(sha256(rawSecret));
    }

    @Override
    public boolean matches(CharSequence rawSecret, String registered) {
        if (rawSecret == null || registered == null) {
            return false;
        }
        byte[] expected;
        if (registered.startsWith(SHA256)) {
            try {
                expected = HexFormat.of().parseHex(registered.substring(SHA256.length()));
            } catch (IllegalArgumentException notHex) {
                return false;
            }
        } else if (registered.startsWith(NOOP) && registered.length() > NOOP.length()) {
            expected = sha256(registered.substring(NOOP.length()));
        } else {
            return false;
        }
        // Comparing digests of equal length keeps the comparison's time independent of the secret.
        return MessageDigest.isEqual(sha256(rawSecret), expected);
    }

    /** Never: re-encoding would only replace one fast form by another (and write to the repository). */
    @Override
    public boolean upgradeEncoding(String registered) {
        return false;
    }

    private static byte[] sha256(CharSequence s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
