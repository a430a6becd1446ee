package cn.gov.jieyang.talent.portal.login;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The auth-bridge, the portal's only way in, and the portal's registration with it.
 *
 * @param baseUrl      the bridge's issuer / base URL
 * @param clientId     the portal's client id at the bridge
 * @param clientSecret the portal's client secret (development default; production sets PORTAL_CLIENT_SECRET)
 */
@ConfigurationProperties("portal.bridge")
public record BridgeClientProperties(String baseUrl, String clientId, String clientSecret) {

    /**
     * Applies defaults.
     *
     * @param baseUrl      base URL
     * @param clientId     client id
     * @param clientSecret client secret
     */
    public BridgeClientProperties {
        baseUrl = (baseUrl == null ? "http://127.0.0.1:9000" : baseUrl).replaceAll("/+$", "");
        clientId = clientId == null ? "portal" : clientId;
    }
}
