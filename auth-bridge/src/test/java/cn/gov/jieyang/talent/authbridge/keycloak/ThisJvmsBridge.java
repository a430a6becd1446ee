package cn.gov.jieyang.talent.authbridge.keycloak;

import cn.gov.jieyang.talent.testsupport.keycloak.KeycloakServer;

/** The redirect URI of a bridge on a port of this JVM's own, registered at client {@code auth-bridge}. */
final class ThisJvmsBridge {

    private ThisJvmsBridge() {
    }

    /**
     * Registers the port (as a bridge test on a random port would: the realm only knows port 9000).
     *
     * @param keycloak the build's Keycloak
     * @return the redirect URI logins of these tests go back to
     */
    static String redirectUri(KeycloakServer keycloak) {
        int bridgePort = 20_000 + (int) (ProcessHandle.current().pid() % 20_000);
        keycloak.admin().allowBridgeOn(bridgePort);
        return "http://127.0.0.1:" + bridgePort + "/login/oauth2/code/keycloak";
    }
}
