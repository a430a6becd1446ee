package cn.gov.jieyang.talent.authbridge.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the bridge keeps what it no longer needs ({@code bridge.retention.*}), and how often it
 * deletes it. Each row kept past its use is personal data (an encrypted ID number, a login time) kept
 * for nothing; a day past expiry leaves room for clock trouble and for an operator to look at
 * yesterday's failures.
 *
 * @param faceTransactions how long after expiry a face-login transaction and its remembered callback id
 *                         are kept (default one day)
 * @param sessions         how long after it expired or ended a session row is kept (default one day)
 * @param authorizations   how long after its last code or token expired an OAuth2 authorization is kept
 *                         (default one day; without it an old ID token hint cannot be looked up for logout)
 */
@ConfigurationProperties("bridge.retention")
public record RetentionProperties(@DefaultValue("P1D") Duration faceTransactions,
                                  @DefaultValue("P1D") Duration sessions,
                                  @DefaultValue("P1D") Duration authorizations) {

    /**
     * The delay between two runs of each cleanup, {@code bridge.retention.cleanup-interval} (ISO-8601,
     * default ten minutes), for {@code @Scheduled(fixedDelayString = ...)}. Every cleanup is one
     * idempotent DELETE, so every instance may run it.
     */
    public static final String CLEANUP_INTERVAL = "${bridge.retention.cleanup-interval:PT10M}";

    /**
     * Refuses durations that would delete live data or nothing.
     *
     * @param faceTransactions face-login transactions' retention past expiry
     * @param sessions         sessions' retention past expiry or end
     * @param authorizations   authorizations' retention past expiry
     */
    public RetentionProperties {
        requirePositive("face-transactions", faceTransactions);
        requirePositive("sessions", sessions);
        requirePositive("authorizations", authorizations);
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("bridge.retention." + name + " must be positive, e.g. P1D");
        }
    }
}
