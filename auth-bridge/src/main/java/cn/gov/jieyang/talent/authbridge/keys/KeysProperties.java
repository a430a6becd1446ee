package cn.gov.jieyang.talent.authbridge.keys;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the signing keys ({@code bridge.keys.*}).
 *
 * <p>The encryption key is only checked when the keys start (a missing or malformed one stops the
 * application with a message that never repeats the value); binding itself accepts anything, so
 * that Boot's binding error report cannot print a secret.
 *
 * @param encryptionKey  base64 of exactly 32 random bytes: the key that seals the private keys at
 *                       rest ({@code openssl rand -base64 32}); required
 * @param previousEncryptionKeys older encryption keys, base64: they only open rows sealed before the
 *                       encryption key was rotated (optional)
 * @param rotationPeriod how long a key stays active, and then previous (default {@code P1D});
 *                       tokens must expire sooner than this
 * @param cacheTtl       how long each instance trusts its in-memory copy of the keys before it
 *                       reads the database again (default {@code PT10S})
 */
@ConfigurationProperties("bridge.keys")
public record KeysProperties(String encryptionKey, List<String> previousEncryptionKeys, Duration rotationPeriod,
                             Duration cacheTtl) {

    /**
     * Applies the defaults and rejects nonsensical durations.
     *
     * @param encryptionKey  base64 key, may be null here (checked at start)
     * @param previousEncryptionKeys older keys, or null for none
     * @param rotationPeriod rotation period or null for one day
     * @param cacheTtl       cache lifetime or null for ten seconds
     */
    public KeysProperties {
        previousEncryptionKeys = previousEncryptionKeys == null ? List.of() : List.copyOf(previousEncryptionKeys);
        rotationPeriod = rotationPeriod == null ? Duration.ofDays(1) : rotationPeriod;
        cacheTtl = cacheTtl == null ? Duration.ofSeconds(10) : cacheTtl;
        if (rotationPeriod.isNegative() || rotationPeriod.isZero()) {
            throw new IllegalArgumentException("bridge.keys.rotation-period must be positive");
        }
        if (cacheTtl.isNegative()) {
            throw new IllegalArgumentException("bridge.keys.cache-ttl must not be negative");
        }
    }

    /** Never shows the encryption key, whoever logs or prints these settings. */
    @Override
    public String toString() {
        return "KeysProperties[encryptionKey=" + (encryptionKey == null ? "<unset>" : "<redacted>")
                + ", previousEncryptionKeys=" + previousEncryptionKeys.size() + " <redacted>"
                + ", rotationPeriod=" + rotationPeriod + ", cacheTtl=" + cacheTtl + "]";
    }
}
