package cn.gov.jieyang.talent.testsupport.process;

import java.io.IOException;
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
 * One of our Spring Boot jars run as a real separate process for a test, healthy once its
 * {@code /actuator/health} answers 200. Its output goes to a temporary log whose tail explains a
 * failed start. {@link #launch} returns at once, so that several processes can start side by side.
 */
public final class JarProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final String baseUrl;
    private final Thread stopAtExit;

    private JarProcess(Process process, Path log, String baseUrl) {
        this.process = process;
        this.log = log;
        this.baseUrl = baseUrl;
        // A test JVM that ends without closing it (a failed class initialiser, Ctrl-C) leaves no app behind.
        this.stopAtExit = new Thread(process::destroy, "stop " + baseUrl);
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /**
     * Starts a jar and waits until it is healthy.
     *
     * @param jar       the executable jar
     * @param maxHeap   e.g. "256m"
     * @param arguments Spring Boot arguments ({@code --name=value})
     * @param baseUrl   where it will answer
     * @param timeout   how long to wait for its health check
     * @return the running, healthy process
     */
    public static JarProcess start(Path jar, String maxHeap, List<String> arguments, String baseUrl, Duration timeout) {
        return launch(jar, maxHeap, arguments, baseUrl).awaitHealthy(timeout);
    }

    /**
     * Starts a jar without waiting for it; {@link #awaitHealthy} waits.
     *
     * @param jar       the executable jar
     * @param maxHeap   e.g. "256m"
     * @param arguments Spring Boot arguments ({@code --name=value})
     * @param baseUrl   where it will answer
     * @return the starting process
     */
    public static JarProcess launch(Path jar, String maxHeap, List<String> arguments, String baseUrl) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: build it first (./mvnw -B verify builds"
                    + " every module in order)");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap,
                // A test's app lives for a minute: the quick compiler alone starts it sooner on two cores.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-jar", jar.toAbsolutePath().toString()));
        command.addAll(arguments);
        try {
            Path log = Files.createTempFile(jar.getFileName().toString(), ".log");
            return new JarProcess(new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start(), log, baseUrl);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + jar, e);
        }
    }

    /**
     * Waits until {@code /actuator/health} answers 200; stops the process if it does not in time.
     *
     * @param timeout how long to wait
     * @return this process
     * @throws IllegalStateException when the process exits first or does not answer in time (with its log's tail)
     */
    public JarProcess awaitHealthy(Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(baseUrl + ": the process exited:\n" + tail());
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not up yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        close();
        throw new IllegalStateException("no healthy answer from " + baseUrl + " within " + timeout + ":\n" + tail());
    }

    /**
     * Where it answers.
     *
     * @return e.g. {@code http://127.0.0.1:41234}
     */
    public String baseUrl() {
        return baseUrl;
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the process (SIGTERM, then SIGKILL after 30 s). */
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
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs anyway and is harmless
        }
    }
}
