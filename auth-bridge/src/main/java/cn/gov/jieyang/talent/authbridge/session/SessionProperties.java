package cn.gov.jieyang.talent.authbridge.session;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The bridge's session settings.
 *
 * @param issuer           the bridge's public base URL: OIDC issuer and the session cookie's iss/aud
 * @param cookieName       the session cookie's name
 * @param lifetime         how long a session lasts (default 30 minutes)
 * @param secureCookie     whether every cookie carries the Secure flag even on a request that did not come over HTTPS
 *                         (those of one that did are Secure anyway: web.SecureCookiesOverHttps)
 * @param dataKey          base64 of 32 bytes: seals ID numbers at rest, and by default keys the subjects
 * @param previousDataKeys older data keys, base64: only open what was sealed before a rotation (optional)
 * @param subjectKey       base64 of 32 bytes that keys the subject hashes, if not the data key (optional;
 *                         set it to the old data key before rotating, so that subjects stay the same)
 */
@ConfigurationProperties("bridge.session")
public record SessionProperties(String issuer, String cookieName, Duration lifetime, Boolean secureCookie,
                                String dataKey, List<String> previousDataKeys, String subjectKey) {

    /**
     * Applies defaults.
     *
     * @param issuer           issuer
     * @param cookieName       cookie name
     * @param lifetime         lifetime
     * @param secureCookie     secure flag
     * @param dataKey          data key
     * @param previousDataKeys older data keys, or null for none
     * @param subjectKey       subject key, or null for the data key
     */
    public SessionProperties {
        issuer = issuer == null ? "http://127.0.0.1:9000" : issuer.replaceAll("/+$", "");
        cookieName = cookieName == null ? "JYB_SESSION" : cookieName;
        lifetime = lifetime == null ? Duration.ofMinutes(30) : lifetime;
        secureCookie = secureCookie != null && secureCookie;
        previousDataKeys = previousDataKeys == null ? List.of() : List.copyOf(previousDataKeys);
    }

    /** Never shows a key, whoever logs or prints these settings. */
    @Override
    public String toString() {
        return "SessionProperties[issuer=" + issuer + ", cookieName=" + cookieName + ", lifetime=" + lifetime
                + ", secureCookie=" + secureCookie + ", dataKey=" + (dataKey == null ? "<unset>" : "<redacted>")
                + ", previousDataKeys=" + previousDataKeys.size() + " <redacted>"
                + ", subjectKey=" + (subjectKey == null ? "<unset>" : "<redacted>") + "]";
    }
}
