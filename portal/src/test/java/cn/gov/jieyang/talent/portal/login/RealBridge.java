package cn.gov.jieyang.talent.portal.login;

import cn.gov.jieyang.talent.authbridge.testing.JarProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The real auth-bridge, its jar started as a separate process (with its own embedded PostgreSQL). */
final class RealBridge implements AutoCloseable {

    private static final Path JAR = Path.of("..", "auth-bridge", "target", "auth-bridge.jar");
    private static final String CLIENT = "--spring.security.oauth2.authorizationserver.client.portal.registration.";

    private final int port;
    private final JarProcess process;

    RealBridge(int port, String yuexinqianBaseUrl, int portalPort) {
        this.port = port;
        String portal = "http://127.0.0.1:" + portalPort;
        this.process = JarProcess.start(JAR, "384m", List.of(
                "--spring.profiles.active=dev",
                "--server.port=" + port,
                "--bridge.session.issuer=" + baseUrl(),
                "--bridge.yuexinqian.base-url=" + yuexinqianBaseUrl,
                CLIENT + "redirect-uris[0]=" + portal + "/login/oauth2/code/auth-bridge",
                CLIENT + "post-logout-redirect-uris[0]=" + portal + "/"), baseUrl(), Duration.ofSeconds(120));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.close();
    }
}
