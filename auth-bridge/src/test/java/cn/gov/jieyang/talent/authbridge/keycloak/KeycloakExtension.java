package cn.gov.jieyang.talent.authbridge.keycloak;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real Keycloak for tests: ONE per test JVM, started lazily on first use (on a free port of
 * 127.0.0.1, with a fresh data directory under {@code target/keycloak-it/}, realm {@code jieyang}
 * imported from {@code keycloak/realm/jieyang-realm.json}) and stopped when the test run ends.
 *
 * <pre>{@code
 * @ExtendWith(KeycloakExtension.class)
 * class SomethingIT {
 *     @Test
 *     void logsIn(KeycloakServer keycloak) {          // or KeycloakAdmin, or KeycloakExtension.server()
 *         keycloak.admin().allowBridgeOn(port);
 *         ... keycloak.issuerUri() ...
 *     }
 * }
 * }</pre>
 *
 * <p>For a Spring test, {@link #server()} may be called from a {@code @DynamicPropertySource} method
 * (it starts Keycloak when needed), e.g. to set
 * {@code spring.security.oauth2.client.provider.keycloak.issuer-uri} to {@link KeycloakServer#issuerUri()}.
 *
 * <p>Starting takes about a minute (fresh database, realm import); the first run on a machine also
 * downloads the distribution (Maven Central, cached in {@code ~/.m2}) and builds it once (another minute
 * or two). Keycloak is stopped by a {@link AutoCloseable} in the root {@link ExtensionContext.Store}
 * at the end of the test run, by a shutdown hook otherwise, and by {@code keycloak.sh}'s watcher if
 * the JVM is killed outright.
 */
public final class KeycloakExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KeycloakExtension.class);
    private static final Object LOCK = new Object();
    private static KeycloakServer server;
    private static boolean shutdownHookRegistered;

    /** The JVM's Keycloak, started on first call. */
    public static KeycloakServer server() {
        synchronized (LOCK) {
            if (server == null || server.isStopped()) {
                server = KeycloakServer.start();
                if (!shutdownHookRegistered) {
                    Runtime.getRuntime().addShutdownHook(new Thread(KeycloakExtension::stop, "keycloak-stop"));
                    shutdownHookRegistered = true;
                }
            }
            return server;
        }
    }

    /** Stops the JVM's Keycloak now (idempotent); a later {@link #server()} starts a new one. */
    public static void stop() {
        synchronized (LOCK) {
            if (server != null) {
                server.close();
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server();
        // Closed by JUnit when the whole test plan has run (the root store outlives every class).
        context.getRoot().getStore(NAMESPACE).computeIfAbsent(StopAtEnd.class, key -> new StopAtEnd(),
                StopAtEnd.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == KeycloakServer.class || type == KeycloakAdmin.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        KeycloakServer keycloak = server();
        return parameterContext.getParameter().getType() == KeycloakAdmin.class ? keycloak.admin() : keycloak;
    }

    /** Stops Keycloak when JUnit closes the root context store. */
    private static final class StopAtEnd implements AutoCloseable {
        @Override
        public void close() {
            stop();
        }
    }
}
