package cn.gov.jieyang.talent.authbridge.testing;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real mock 粤信签, its jar started as a separate process, registered for a bridge on a given port. */
public final class RealMockYuexinqian implements AutoCloseable {

    private static final Path JAR = Path.of("..", "mock-yuexinqian", "target", "mock-yuexinqian.jar");

    private final Process process;
    private final int port;
    private final Path log;

    public RealMockYuexinqian(int bridgePort) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: build it first "
                    + "(./mvnw -B -pl auth-bridge -am verify builds it)");
        }
        this.port = FreePorts.next();
        String bridge = "http://127.0.0.1:" + bridgePort;
        try {
            Path data = Files.createTempDirectory("mock-yxq");
            log = data.resolve("mock.log");
            process = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar",
                    JAR.toAbsolutePath().toString(),
                    "--server.port=" + port,
                    "--mock.yuexinqian.public-base-url=" + baseUrl(),
                    "--mock.yuexinqian.data-dir=" + data,
                    "--mock.yuexinqian.apps[0].app-id=jieyang-hrss",
                    "--mock.yuexinqian.apps[0].display-name=揭阳智慧人社",
                    "--mock.yuexinqian.apps[0].callback-url=" + bridge + "/callbacks/yuexinqian",
                    "--mock.yuexinqian.apps[0].redirect-uris[0]=" + bridge + "/login/yuexinqian/return"))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the mock", e);
        }
        awaitHealthy();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitHealthy() {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the mock exited: " + tail());
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
        throw new IllegalStateException("the mock did not become healthy in 90 s: " + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(File.separator.equals("/") ? "\n" : "\r\n",
                    lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (Exception e) {
            return "(no log)";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
