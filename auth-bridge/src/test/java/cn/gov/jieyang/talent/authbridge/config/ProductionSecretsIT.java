package cn.gov.jieyang.talent.authbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The bridge jar as an operator starts it in production: without the {@code dev} profile it has no
 * secret at all, so it must refuse to start and name every variable it misses, before it opens a
 * database or a port, and without repeating any secret it was given.
 */
class ProductionSecretsIT {

    private static final Path JAR = Path.of("target/auth-bridge.jar");
    private static final List<String> SECRETS = List.of("BRIDGE_KEYS_ENCRYPTION_KEY", "BRIDGE_SESSION_DATA_KEY",
            "KEYCLOAK_CLIENT_SECRET", "BRIDGE_AUDIT_SEAL_PKCS12", "BRIDGE_AUDIT_SEAL_PASSWORD",
            // The key Keycloak signs its forwards of failed logins with (issue 10, item 5).
            "BRIDGE_KEYCLOAK_EVENTS_KEY");

    @Test
    void refusesToStartWithoutTheDevProfileAndNamesEveryMissingSecret() throws Exception {
        Started bridge = start(Map.of());

        assertThat(bridge.exitCode()).isNotZero();
        assertThat(bridge.output()).contains("APPLICATION FAILED TO START");
        SECRETS.forEach(name -> assertThat(bridge.output()).contains(name));
        // The portal authenticates with private_key_jwt (issue 11): production needs no secret for it.
        assertThat(bridge.output()).doesNotContain("PORTAL_CLIENT_SECRET");
        assertThat(bridge.output()).contains("SPRING_PROFILES_ACTIVE=dev");
        // Refused before any expensive or stateful work: no embedded database was started.
        assertThat(bridge.output()).doesNotContain("Started AuthBridgeApplication").doesNotContain("PostgreSQL");
    }

    @Test
    void namesOnlyWhatIsMissingAndNeverEchoesTheSecretsItWasGiven() throws Exception {
        String keysKey = "BScsSU7SiYszizTsLhqEFs7ZSdf8Dm1Ybeh3apaNoqI=";
        String keycloakSecret = "kc-secret-from-a-vault-7f3a";
        Started bridge = start(Map.of("BRIDGE_KEYS_ENCRYPTION_KEY", keysKey, "KEYCLOAK_CLIENT_SECRET", keycloakSecret));

        assertThat(bridge.exitCode()).isNotZero();
        assertThat(bridge.output()).contains("BRIDGE_SESSION_DATA_KEY")
                .doesNotContain("BRIDGE_KEYS_ENCRYPTION_KEY").doesNotContain("KEYCLOAK_CLIENT_SECRET")
                .doesNotContain(keysKey).doesNotContain(keycloakSecret);
    }

    private record Started(int exitCode, String output) {
    }

    /** Runs the jar with no profile and only the given secrets in its environment. */
    private static Started start(Map<String, String> secrets) throws IOException, InterruptedException {
        assertThat(JAR).as("the packaged bridge (./mvnw verify packages it before the ITs)").isRegularFile();
        Path log = Files.createTempFile("auth-bridge-production", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-jar", JAR.toAbsolutePath().toString(), "--server.port=0")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        // Whatever the developer's shell holds, this process sees only what the test gives it.
        env.keySet().removeIf(name -> name.startsWith("BRIDGE_") || name.startsWith("SPRING_")
                || name.endsWith("_SECRET"));
        env.putAll(secrets);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        return new Started(process.isAlive() ? -1 : process.exitValue(), output);
    }
}
