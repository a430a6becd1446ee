package cn.gov.jieyang.talent.authbridge.session;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The bridge's session settings.
 *
 * @param issuer       the bridge's public base URL: OIDC issuer and the session cookie's iss/aud
 * @param cookieName   the session cookie's name
 * @param lifetime     how long a session lasts (default 30 minutes)
 * @param secureCookie whether cookies carry the Secure flag (true behind HTTPS; false on the loopback dev stack)
 * @param dataKey      base64 of 32 bytes: AES-256-GCM key for ID numbers at rest, and HMAC key for subjects
 */
@ConfigurationProperties("bridge.session")
public record SessionProperties(String issuer, String cookieName, Duration lifetime, Boolean secureCookie,
                                String dataKey) {

    /**
     * Applies defaults.
     *
     * @param issuer       issuer
     * @param cookieName   cookie name
     * @param lifetime     lifetime
     * @param secureCookie secure flag
     * @param dataKey      data key
     */
    public SessionProperties {
        issuer = issuer == null ? "http://127.0.0.1:9000" : issuer.replaceAll("/+$", "");
        cookieName = cookieName == null ? "JYB_SESSION" : cookieName;
        lifetime = lifetime == null ? Duration.ofMinutes(30) : lifetime;
        secureCookie = secureCookie != null && secureCookie;
    }
}
