package cn.gov.jieyang.talent.authbridge.password;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Keycloak is and how the bridge is registered as its client.
 *
 * @param baseUrl      Keycloak's base URL
 * @param realm        the realm
 * @param clientId     the bridge's client id
 * @param clientSecret the bridge's client secret (development default; production sets KEYCLOAK_CLIENT_SECRET)
 */
@ConfigurationProperties("bridge.keycloak")
public record KeycloakProperties(String baseUrl, String realm, String clientId, String clientSecret) {

    /**
     * Applies defaults.
     *
     * @param baseUrl      base URL
     * @param realm        realm
     * @param clientId     client id
     * @param clientSecret client secret
     */
    public KeycloakProperties {
        baseUrl = (baseUrl == null ? "http://127.0.0.1:8180" : baseUrl).replaceAll("/+$", "");
        realm = realm == null ? "jieyang" : realm;
        clientId = clientId == null ? "auth-bridge" : clientId;
    }

    /** @return the realm's issuer URI */
    public String issuer() {
        return baseUrl + "/realms/" + realm;
    }
}
