package cn.gov.jieyang.talent.authbridge.audit;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit trail's checkpoint seal and time-stamping authority ({@code bridge.audit.*}).
 *
 * @param seal           the bureau's seal that signs each checkpoint
 * @param tsa            the RFC 3161 authority that time-stamps each checkpoint, if any
 * @param keycloakEvents how Keycloak's forwards of failed logins are authenticated
 */
@ConfigurationProperties("bridge.audit")
public record AuditProperties(@DefaultValue Seal seal, @DefaultValue Tsa tsa, @DefaultValue KeycloakEvents keycloakEvents) {

    /**
     * Keycloak's forwards of failed logins and lockouts ({@code POST /internal/keycloak-events}, from its
     * listener {@code jieyang-bridge-audit}).
     *
     * @param key    the shared HMAC key, {@code BRIDGE_KEYCLOAK_EVENTS_KEY}: 32 or more characters, the same
     *               as Keycloak's {@code KC_SPI_EVENTS_LISTENER__JIEYANG_BRIDGE_AUDIT__KEY}; none: the
     *               endpoint answers 404 (only possible under {@code dev}: production requires it)
     * @param window how far a forward's time-stamp may be from the bridge's clock (replays inside it are
     *               caught by Keycloak's event id)
     */
    public record KeycloakEvents(String key, @DefaultValue("5m") Duration window) {

        /**
         * Refuses a short key and an odd window at start, not at the first forward.
         *
         * @param key    key or null
         * @param window between 1 s and 15 min
         */
        public KeycloakEvents {
            if (key != null && key.isBlank()) {
                key = null;
            }
            if (key != null && key.length() < 32) {
                throw new IllegalArgumentException("bridge.audit.keycloak-events.key (BRIDGE_KEYCLOAK_EVENTS_KEY) "
                        + "must be at least 32 characters, e.g. $(openssl rand -base64 32)");
            }
            if (window == null || window.compareTo(Duration.ofSeconds(1)) < 0 || window.compareTo(Duration.ofMinutes(15)) > 0) {
                throw new IllegalArgumentException("bridge.audit.keycloak-events.window must be between 1s and 15m");
            }
        }

        @Override
        public String toString() {
            return "KeycloakEvents[key=" + (key == null ? "none" : "(set)") + ", window=" + window + "]";
        }
    }

    /**
     * Where the seal comes from.
     *
     * @param pkcs12   the seal's key store (its key and chain), {@code BRIDGE_AUDIT_SEAL_PKCS12}
     * @param password its password, {@code BRIDGE_AUDIT_SEAL_PASSWORD}
     * @param crl      the seal CA's CRL (PEM or DER), embedded in every checkpoint for offline checks; optional
     * @param required true (default): a seal that cannot be read stops the start; false ({@code dev}
     *                 only): the bridge runs without checkpoints and says so at WARN
     */
    public record Seal(Path pkcs12, String password, Path crl, @DefaultValue("true") boolean required) {

        /**
         * An empty path (an unset {@code ${BRIDGE_AUDIT_SEAL_PKCS12:}}) is none.
         *
         * @param pkcs12   key store or null
         * @param password password or null
         * @param crl      CRL or null
         * @param required whether a usable seal is required
         */
        public Seal {
            pkcs12 = pkcs12 == null || pkcs12.toString().isEmpty() ? null : pkcs12;
            crl = crl == null || crl.toString().isEmpty() ? null : crl;
        }

        @Override
        public String toString() {
            // Never print the password, even in a failed start's message.
            return "Seal[pkcs12=" + pkcs12 + ", crl=" + crl + ", required=" + required + "]";
        }
    }

    /**
     * The time-stamping authority.
     *
     * @param url     its URL ({@code http} or {@code https}, no credentials in it); none: checkpoints are
     *                sealed without a time-stamp (WARN at start)
     * @param timeout how long a checkpoint waits for it
     */
    public record Tsa(URI url, @DefaultValue("10s") Duration timeout) {

        /**
         * Checks the URL, so a wrong one stops the start rather than the first checkpoint.
         *
         * @param url     URL or null
         * @param timeout positive
         */
        public Tsa {
            if (url != null && url.toString().isBlank()) {
                url = null;
            }
            if (url != null) {
                String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null
                        || url.getRawUserInfo() != null) {
                    throw new IllegalArgumentException("bridge.audit.tsa.url must be an http(s) URL with a host "
                            + "and no user name or password");
                }
            }
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("bridge.audit.tsa.timeout must be positive");
            }
        }
    }
}
