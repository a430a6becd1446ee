package cn.gov.jieyang.talent.authbridge.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One of our Spring Boot jars run as a real separate process for a test, started and awaited until
 * its {@code /actuator/health} answers; its output goes to a temporary log whose tail explains a
 * failed start.
 */
public final class JarProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private JarProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * @param jar       the executable jar, relative to the module running the test
     * @param maxHeap   e.g. "256m"
     * @param arguments Spring Boot arguments ({@code --name=value})
     * @param baseUrl   where it will answer
     * @param timeout   how long to wait for its health check
     * @return the running process
     */
    public static JarProcess start(Path jar, String maxHeap, List<String> arguments, String baseUrl, Duration timeout) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: build it first (./mvnw -B verify builds"
                    + " every module in order)");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap, "-jar", jar.toAbsolutePath().toString()));
        command.addAll(arguments);
        JarProcess started;
        try {
            Path log = Files.createTempFile(jar.getFileName().toString(), ".log");
            started = new JarProcess(new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start(), log);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start " + jar, e);
        }
        started.awaitHealthy(baseUrl, timeout);
        return started;
    }

    private void awaitHealthy(String baseUrl, Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the process exited:\n" + tail());
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
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
        throw new IllegalStateException("no healthy answer from " + baseUrl + " within " + timeout + ":\n" + tail());
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
