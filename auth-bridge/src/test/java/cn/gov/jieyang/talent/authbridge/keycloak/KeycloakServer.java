package cn.gov.jieyang.talent.authbridge.keycloak;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One real Keycloak 26.7.3 with the {@code jieyang} realm, started by the project's own
 * {@code keycloak/keycloak.sh} (which fetches and unpacks the distribution from Maven Central on first
 * use) in a fresh instance directory under {@code target/keycloak-it/}, on a free port of 127.0.0.1.
 *
 * <p>Obtain it through {@link KeycloakExtension}; {@link #close()} stops it. The script also watches
 * this JVM's pid and stops Keycloak when the JVM dies without running its shutdown hooks.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "jieyang";
    public static final String CLIENT_ID = "auth-bridge";
    /** Development secret of the {@code auth-bridge} client, from {@code keycloak/realm/jieyang-realm.json}. */
    public static final String CLIENT_SECRET = "auth-bridge-dev-secret";
    /** The redirect URI the realm registers for a bridge on its default port 9000. */
    public static final String DEFAULT_REDIRECT_URI = "http://127.0.0.1:9000/login/oauth2/code/keycloak";

    private static final long START_TIMEOUT_SECONDS = 330;   // the script itself gives up after 300 s

    private final Path script;
    private final Path instanceDir;
    private final int port;
    private final KeycloakAdmin admin;
    private volatile boolean stopped;

    private KeycloakServer(Path script, Path instanceDir, int port, String adminPassword) {
        this.script = script;
        this.instanceDir = instanceDir;
        this.port = port;
        this.admin = new KeycloakAdmin(baseUrl(), "admin", adminPassword);
    }

    /** Base URL, e.g. {@code http://127.0.0.1:41234} (no trailing slash). */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The issuer of realm {@code jieyang}: what {@code spring.security.oauth2.client.provider.*.issuer-uri} wants. */
    public String issuerUri() {
        return baseUrl() + "/realms/" + REALM;
    }

    public URI discoveryUri() {
        return URI.create(issuerUri() + "/.well-known/openid-configuration");
    }

    public URI authorizationEndpoint() {
        return URI.create(issuerUri() + "/protocol/openid-connect/auth");
    }

    public URI tokenEndpoint() {
        return URI.create(issuerUri() + "/protocol/openid-connect/token");
    }

    public int port() {
        return port;
    }

    public KeycloakAdmin admin() {
        return admin;
    }

    /** Keycloak's home for this run: {@code data/} (H2, import), {@code keycloak.log}. */
    public Path instanceDir() {
        return instanceDir;
    }

    public Path logFile() {
        return instanceDir.resolve("keycloak.log");
    }

    /**
     * Starts a new Keycloak and returns once the realm's discovery document answers 200. Takes about a
     * minute on two cores (two to three on the very first run on a machine: download, unzip, Quarkus build).
     */
    static KeycloakServer start() {
        Path script = findScript();
        Path runs = Path.of("target", "keycloak-it").toAbsolutePath();
        pruneStoppedRuns(runs);
        String adminPassword = "it-" + UUID.randomUUID();
        IllegalStateException failure = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            int port = freePort();
            Path instance = runs.resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                    + "-" + ProcessHandle.current().pid() + "-" + attempt);
            Result result = run(script, START_TIMEOUT_SECONDS, Map.of("KEYCLOAK_ADMIN_PASSWORD", adminPassword),
                    "start", "--port", Integer.toString(port), "--data", instance.toString(),
                    "--parent-pid", Long.toString(ProcessHandle.current().pid()));
            if (result.exitCode() == 0) {
                return new KeycloakServer(script, instance, port, adminPassword);
            }
            failure = new IllegalStateException("keycloak.sh start failed (exit " + result.exitCode() + "):\n"
                    + result.output());
            if (!result.output().contains("already in use")) {
                break;   // only a port taken between our probe and Keycloak's bind is worth another try
            }
        }
        throw failure;
    }

    /** Stops Keycloak (idempotent); its instance directory stays for a look at the log. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        Result result = run(script, 60, Map.of(), "stop", "--data", instanceDir.toString());
        if (result.exitCode() != 0) {
            System.err.println("[keycloak] stop failed (exit " + result.exitCode() + "):\n" + result.output());
        }
    }

    boolean isStopped() {
        return stopped;
    }

    // ------------------------------------------------------------------------------------------------

    private record Result(int exitCode, String output) { }

    private static Result run(Path script, long timeoutSeconds, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            StringBuilder output = new StringBuilder();
            // Copied line by line to System.out: the forked test JVM's own stdout is Surefire's channel.
            Thread pump = new Thread(() -> {
                try (BufferedReader reader = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = reader.readLine()) != null; ) {
                        System.out.println(line);
                        synchronized (output) {
                            output.append(line).append('\n');
                        }
                    }
                } catch (IOException e) {
                    // the process went away; what we have is all there is
                }
            }, "keycloak.sh output");
            pump.setDaemon(true);
            pump.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "keycloak.sh " + args[0] + " timed out after " + timeoutSeconds + " s\n" + output);
            }
            pump.join(5_000);
            synchronized (output) {
                return new Result(process.exitValue(), output.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    /** {@code keycloak/keycloak.sh} in this or a parent directory (the tests run in {@code auth-bridge/}). */
    private static Path findScript() {
        String configured = System.getProperty("keycloak.script");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("keycloak").resolve("keycloak.sh");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("keycloak/keycloak.sh not found above " + Path.of("").toAbsolutePath()
                + " (set -Dkeycloak.script=...)");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    /**
     * Deletes instance directories of earlier runs: no pid file (stopped) and untouched for ten minutes
     * (not one that another test JVM is just setting up).
     */
    private static void pruneStoppedRuns(Path runs) {
        if (!Files.isDirectory(runs)) {
            return;
        }
        long tenMinutesAgo = System.currentTimeMillis() - 600_000;
        try (Stream<Path> dirs = Files.list(runs)) {
            dirs.filter(Files::isDirectory)
                    .filter(dir -> !Files.exists(dir.resolve("keycloak.pid")))
                    .filter(dir -> lastModified(dir) < tenMinutesAgo
                            && lastModified(dir.resolve("keycloak.log")) < tenMinutesAgo)
                    .forEach(KeycloakServer::deleteRecursively);
        } catch (IOException e) {
            // leftovers are harmless; `mvn clean` removes them
        }
    }

    private static long lastModified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toMillis();
        } catch (IOException e) {
            return 0;   // missing: nothing to protect
        }
    }

    /** Deletes a tree without following symbolic links (an instance links to the shared distribution). */
    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {   // walk does not follow links by default
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // best effort
                }
            });
        } catch (IOException e) {
            // best effort
        }
    }
}
