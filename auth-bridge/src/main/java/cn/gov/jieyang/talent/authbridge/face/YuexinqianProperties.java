package cn.gov.jieyang.talent.authbridge.face;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where 粤信签 is and how the bridge is registered with it.
 *
 * @param baseUrl             粤信签's base URL (authorize and jwks live under it)
 * @param issuer              the {@code iss} its callbacks carry (default: the base URL)
 * @param appId               the bridge's app id at 粤信签, the callbacks' {@code aud}
 * @param transactionLifetime how long a login transaction stays open (at most 5 minutes)
 * @param maxCallbackLifetime the longest {@code exp - iat} a callback may have
 * @param jwksCacheTtl        how long 粤信签's keys are cached (refreshed early on an unknown kid)
 * @param timeout             connect and read timeout towards 粤信签
 */
@ConfigurationProperties("bridge.yuexinqian")
public record YuexinqianProperties(String baseUrl, String issuer, String appId, Duration transactionLifetime,
                                   Duration maxCallbackLifetime, Duration jwksCacheTtl, Duration timeout) {

    /**
     * Applies defaults.
     *
     * @param baseUrl             base URL
     * @param issuer              issuer
     * @param appId               app id
     * @param transactionLifetime transaction lifetime
     * @param maxCallbackLifetime callback lifetime
     * @param jwksCacheTtl        JWKS cache TTL
     * @param timeout             timeout
     */
    public YuexinqianProperties {
        baseUrl = (baseUrl == null ? "http://127.0.0.1:9100" : baseUrl).replaceAll("/+$", "");
        issuer = issuer == null ? baseUrl : issuer;
        appId = appId == null ? "jieyang-hrss" : appId;
        transactionLifetime = transactionLifetime == null ? Duration.ofMinutes(5) : transactionLifetime;
        if (transactionLifetime.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("bridge.yuexinqian.transaction-lifetime must be at most 5 minutes");
        }
        maxCallbackLifetime = maxCallbackLifetime == null ? Duration.ofSeconds(120) : maxCallbackLifetime;
        jwksCacheTtl = jwksCacheTtl == null ? Duration.ofMinutes(5) : jwksCacheTtl;
        timeout = timeout == null ? Duration.ofSeconds(3) : timeout;
    }
}
