package cn.gov.jieyang.talent.portal.login;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real auth-bridge, its jar started as a separate process (with its own embedded PostgreSQL). */
final class RealBridge implements AutoCloseable {

    private static final Path JAR = Path.of("..", "auth-bridge", "target", "auth-bridge.jar");

    private final Process process;
    private final int port;
    private final Path log;

    RealBridge(int port, String yuexinqianBaseUrl, int portalPort) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: ./mvnw -B -pl portal -am verify builds it");
        }
        this.port = port;
        String portal = "http://127.0.0.1:" + portalPort;
        String client = "--spring.security.oauth2.authorizationserver.client.portal.registration.";
        try {
            log = Files.createTempFile("auth-bridge", ".log");
            process = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-jar",
                    JAR.toAbsolutePath().toString(),
                    "--server.port=" + port,
                    "--bridge.session.issuer=" + baseUrl(),
                    "--bridge.yuexinqian.base-url=" + yuexinqianBaseUrl,
                    client + "redirect-uris[0]=" + portal + "/login/oauth2/code/auth-bridge",
                    client + "post-logout-redirect-uris[0]=" + portal + "/"))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the bridge", e);
        }
        awaitHealthy();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitHealthy() {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the bridge exited: " + tail());
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (Exception e) {
                // not up yet
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("the bridge did not become healthy in 120 s: " + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (Exception e) {
            return "(no log)";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
