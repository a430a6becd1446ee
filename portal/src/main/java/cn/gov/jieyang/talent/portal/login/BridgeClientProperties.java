package cn.gov.jieyang.talent.portal.login;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The auth-bridge, the portal's only way in, and the portal's registration with it. No client secret:
 * the portal authenticates with {@code private_key_jwt} ({@link ClientKey}).
 *
 * @param baseUrl  the bridge's issuer / base URL
 * @param clientId the portal's client id at the bridge
 */
@ConfigurationProperties("portal.bridge")
public record BridgeClientProperties(String baseUrl, String clientId) {

    /**
     * Applies defaults.
     *
     * @param baseUrl  base URL
     * @param clientId client id
     */
    public BridgeClientProperties {
        baseUrl = (baseUrl == null ? "http://127.0.0.1:9000" : baseUrl).replaceAll("/+$", "");
        clientId = clientId == null ? "portal" : clientId;
    }
}
