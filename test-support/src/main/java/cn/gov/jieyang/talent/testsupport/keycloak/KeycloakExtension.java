package cn.gov.jieyang.talent.testsupport.keycloak;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real Keycloak for tests: the Maven build's ONE instance ({@link KeycloakServer}), shared by every test
 * JVM of the build (the bridge's and the portal's), started when first needed unless the build already
 * started it in the background.
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
 * <p>For a Spring test, {@link #server()} may be called from a {@code @DynamicPropertySource} method.
 * The realm outlives the test class and the test JVM: a test creates its own users
 * ({@link KeycloakAdmin#uniqueUsername}) and clears the lockouts it causes.
 */
public final class KeycloakExtension implements BeforeAllCallback, ParameterResolver {

    private static KeycloakServer server;

    /**
     * The build's Keycloak, started or waited for on the first call of this JVM.
     *
     * @return the running server
     */
    public static synchronized KeycloakServer server() {
        if (server == null) {
            server = KeycloakServer.startOrReuse();
        }
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server();
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
}
