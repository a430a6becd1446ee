package cn.gov.jieyang.talent.authbridge.oidc;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * OpenID Connect Back-Channel Logout to relying parties.
 *
 * @param backChannel        per client id, the relying party's {@code backchannel_logout_uri}; a client
 *                           without one is not told (its tokens are revoked all the same)
 * @param backChannelTimeout how long one delivery may take before it is given up (and logged)
 */
@ConfigurationProperties("bridge.logout")
public record LogoutProperties(Map<String, URI> backChannel, @DefaultValue("5s") Duration backChannelTimeout) {

    /**
     * Applies defaults.
     *
     * @param backChannel        back-channel URIs by client id
     * @param backChannelTimeout delivery timeout
     */
    public LogoutProperties {
        backChannel = backChannel == null ? Map.of() : Map.copyOf(backChannel);
        if (backChannelTimeout.isNegative() || backChannelTimeout.isZero()) {
            throw new IllegalArgumentException("bridge.logout.back-channel-timeout must be positive");
        }
    }
}
