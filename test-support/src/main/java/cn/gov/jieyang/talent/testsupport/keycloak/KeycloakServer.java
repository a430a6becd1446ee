package cn.gov.jieyang.talent.testsupport.keycloak;

import cn.gov.jieyang.talent.testsupport.ProjectRoot;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The test run's one real Keycloak 26.7.3 with the {@code jieyang} realm, on a free port of 127.0.0.1.
 *
 * <p>{@code keycloak/keycloak.sh test-instance} owns its life (docs/adr/004-one-keycloak-per-build.md):
 * one instance per Maven build, in {@code target/keycloak-it/build-<maven pid>/} of the repository's root,
 * started by the first caller (or early, in the background, when the build began) and reused by every
 * later test JVM of that build; a watcher stops it when the Maven process ends. Run outside Maven (an
 * IDE), the test JVM is the owner instead. So nothing here stops it, and tests must not assume a
 * fresh realm: each creates its own users and clears what it locks.
 *
 * <p>Obtain it through {@link KeycloakExtension}.
 */
public final class KeycloakServer {

    /** The realm every test uses. */
    public static final String REALM = "jieyang";
    /** The bridge's client in that realm. */
    public static final String CLIENT_ID = "auth-bridge";
    /** Development secret of the {@code auth-bridge} client, from {@code keycloak/realm/jieyang-realm.json}. */
    public static final String CLIENT_SECRET = "auth-bridge-dev-secret";
    /** The redirect URI the realm registers for a bridge on its default port 9000. */
    public static final String DEFAULT_REDIRECT_URI = "http://127.0.0.1:9000/login/oauth2/code/keycloak";

    /** The script waits up to 300 s for a start, and a start already under way may hold its lock as long. */
    private static final long SCRIPT_TIMEOUT_SECONDS = 660;
    private static final String INSTANCE_LINE = "KEYCLOAK_INSTANCE=";

    private final Path instanceDir;
    private final int port;
    private final KeycloakAdmin admin;

    private KeycloakServer(Path instanceDir, int port, String adminPassword) {
        this.instanceDir = instanceDir;
        this.port = port;
        this.admin = new KeycloakAdmin(baseUrl(), "admin", adminPassword);
    }

    /**
     * Base URL.
     *
     * @return e.g. {@code http://127.0.0.1:21234} (no trailing slash)
     */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /**
     * The issuer of realm {@code jieyang}.
     *
     * @return what {@code spring.security.oauth2.client.provider.*.issuer-uri} wants
     */
    public String issuerUri() {
        return baseUrl() + "/realms/" + REALM;
    }

    /**
     * The realm's discovery document.
     *
     * @return its URL
     */
    public URI discoveryUri() {
        return URI.create(issuerUri() + "/.well-known/openid-configuration");
    }

    /**
     * The realm's authorization endpoint.
     *
     * @return its URL
     */
    public URI authorizationEndpoint() {
        return URI.create(issuerUri() + "/protocol/openid-connect/auth");
    }

    /**
     * The realm's token endpoint.
     *
     * @return its URL
     */
    public URI tokenEndpoint() {
        return URI.create(issuerUri() + "/protocol/openid-connect/token");
    }

    /**
     * Its HTTP port on 127.0.0.1.
     *
     * @return the port
     */
    public int port() {
        return port;
    }

    /**
     * The admin API, as the instance's bootstrap admin.
     *
     * @return the client
     */
    public KeycloakAdmin admin() {
        return admin;
    }

    /**
     * Keycloak's home for this build: {@code data/} (H2, import), {@code keycloak.log}.
     *
     * @return the instance directory
     */
    public Path instanceDir() {
        return instanceDir;
    }

    /**
     * The port on 127.0.0.1 to which this Keycloak's listener {@code jieyang-bridge-audit} forwards failed
     * logins ({@code /internal/keycloak-events}): a bridge test that listens there sees them.
     *
     * @return the port keycloak.sh chose
     */
    public int bridgeEventsPort() {
        return Integer.parseInt(readState("events-port"));
    }

    /**
     * The key that signs those forwards (the bridge's {@code bridge.keycloak-events.key}).
     *
     * @return the instance's random key
     */
    public String bridgeEventsKey() {
        return readState("events-key");
    }

    private String readState(String file) {
        try {
            return Files.readString(instanceDir.resolve(file)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " of " + instanceDir, e);
        }
    }

    /**
     * Keycloak's log.
     *
     * @return {@code keycloak.log} in the instance directory
     */
    public Path logFile() {
        return instanceDir.resolve("keycloak.log");
    }

    /**
     * The build's Keycloak: reused when it runs (or waited for while it starts), started otherwise.
     * A start takes about a minute on two cores, two on a fresh clone (unzip, Quarkus build).
     *
     * @return the running server, its realm served
     */
    static KeycloakServer startOrReuse() {
        Path script = ProjectRoot.dir().resolve("keycloak").resolve("keycloak.sh");
        String output = run(List.of("bash", script.toString(), "test-instance"));
        String line = output.lines().filter(l -> l.startsWith(INSTANCE_LINE)).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("keycloak.sh test-instance named no instance:\n" + output));
        Path dir = Path.of(line.substring(INSTANCE_LINE.length()).strip());
        try {
            int port = Integer.parseInt(Files.readString(dir.resolve("keycloak.port")).strip());
            String adminPassword = Files.readString(dir.resolve("admin-password")).strip();
            KeycloakServer server = new KeycloakServer(dir, port, adminPassword);
            // Before any login page is rendered: a challenge issued without the key cannot be answered.
            server.admin().captcha().answerKey();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the state of " + dir, e);
        }
    }

    private static String run(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
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
            if (!process.waitFor(SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " timed out after " + SCRIPT_TIMEOUT_SECONDS + " s\n" + output);
            }
            pump.join(5_000);
            synchronized (output) {
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(command + " failed (exit " + process.exitValue() + "):\n" + output);
                }
                return output.toString();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }
}
