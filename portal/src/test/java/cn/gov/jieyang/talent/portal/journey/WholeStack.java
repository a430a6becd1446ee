package cn.gov.jieyang.talent.portal.journey;

import cn.gov.jieyang.talent.authbridge.keycloak.KeycloakExtension;
import cn.gov.jieyang.talent.authbridge.testing.FreePorts;
import cn.gov.jieyang.talent.authbridge.testing.JarProcess;
import cn.gov.jieyang.talent.authbridge.testing.RealMockYuexinqian;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything around the portal, each a real server: Keycloak (its distribution), the mock 粤信签 jar
 * and the auth-bridge jar, each its own process with its own embedded PostgreSQL. The portal itself
 * runs in the test's JVM on {@link #portalPort()}.
 */
final class WholeStack implements AutoCloseable {

    private static final Path BRIDGE_JAR = Path.of("..", "auth-bridge", "target", "auth-bridge.jar");
    private static final String CLIENT = "--spring.security.oauth2.authorizationserver.client.portal.registration.";

    private final int portalPort = FreePorts.next();
    private final int bridgePort = FreePorts.next();
    private final RealMockYuexinqian yuexinqian;
    private final JarProcess bridge;

    WholeStack() {
        String keycloak = KeycloakExtension.server().baseUrl().toString();
        KeycloakExtension.server().admin().allowBridgeOn(bridgePort);
        yuexinqian = new RealMockYuexinqian(bridgePort);
        String portal = portalUrl();
        bridge = JarProcess.start(BRIDGE_JAR, "384m", List.of(
                "--spring.profiles.active=dev",
                "--server.port=" + bridgePort,
                "--bridge.session.issuer=" + bridgeUrl(),
                "--bridge.yuexinqian.base-url=" + yuexinqian.baseUrl(),
                "--bridge.keycloak.base-url=" + keycloak,
                CLIENT + "redirect-uris[0]=" + portal + "/login/oauth2/code/auth-bridge",
                CLIENT + "post-logout-redirect-uris[0]=" + portal + "/"), bridgeUrl(), Duration.ofSeconds(120));
    }

    int portalPort() {
        return portalPort;
    }

    String portalUrl() {
        return "http://127.0.0.1:" + portalPort;
    }

    String bridgeUrl() {
        return "http://127.0.0.1:" + bridgePort;
    }

    String yuexinqianUrl() {
        return yuexinqian.baseUrl();
    }

    @Override
    public void close() {
        bridge.close();
        yuexinqian.close();
    }
}
