package cn.gov.jieyang.talent.authbridge.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bridge.rate-limit.*}: how many requests each caller may make, as a sustained rate per second
 * and a burst. The defaults are far above what one relying party or one person needs (a login is one
 * token request; a person opens the login pages a few times a minute) and far below what it takes to
 * keep the bridge's two cores busy. Login pages are limited per address, and many people may share one
 * (a carrier's NAT): raise {@code login-*} where that is seen rather than switching it off.
 *
 * @param enabled            whether any limit applies (tests of other features may switch it off)
 * @param tokenPerSecond     token, introspection and revocation requests per second per client
 * @param tokenBurst         ... and how many may come at once
 * @param callbackPerSecond  粤信签 callbacks and Keycloak's event forwards per second per calling address
 * @param callbackBurst      ... and how many may come at once
 * @param loginPerSecond     authorization requests, face transactions opened or polled and password-door
 *                           visits per second per address
 * @param loginBurst         ... and how many may come at once
 * @param trackedCallers     how many callers are remembered at most (the least recent are forgotten)
 */
@ConfigurationProperties("bridge.rate-limit")
record RateLimitProperties(@DefaultValue("true") boolean enabled,
                           @DefaultValue("100") int tokenPerSecond, @DefaultValue("200") int tokenBurst,
                           @DefaultValue("100") int callbackPerSecond, @DefaultValue("200") int callbackBurst,
                           @DefaultValue("30") int loginPerSecond, @DefaultValue("120") int loginBurst,
                           @DefaultValue("100000") int trackedCallers) {

    RateLimitProperties {
        if (tokenPerSecond < 1 || tokenBurst < 1 || callbackPerSecond < 1 || callbackBurst < 1
                || loginPerSecond < 1 || loginBurst < 1 || trackedCallers < 100) {
            throw new IllegalArgumentException("bridge.rate-limit.*: rates and bursts must be at least 1 "
                    + "and tracked-callers at least 100");
        }
    }
}
