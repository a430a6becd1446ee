package cn.gov.jieyang.talent.authbridge.config;

import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start the bridge while any of its secrets is unset, before a database, a port or a key
 * is touched, naming every missing environment variable at once.
 *
 * <p>Why here and not in each component: the components check the <em>form</em> of their secret
 * (a key's length, say) when they are created, one at a time and deep inside the context. An
 * operator who forgot three variables would meet them in three failed starts, after the embedded
 * database had come up each time. The secrets themselves have no default outside the {@code dev}
 * profile ({@code application-dev.yml}), whose values are public: they are in the repository.
 *
 * <p>Only presence is checked, and only names are reported: a secret's value never reaches a message.
 */
public final class RequiredSecrets implements EnvironmentPostProcessor, Ordered {

    /** Spring Authorization Server's registration of the portal; application.yml puts {@code {noop}} before the secret. */
    static final String PORTAL_CLIENT_SECRET_PROPERTY =
            "spring.security.oauth2.authorizationserver.client.portal.registration.client-secret";

    /** The property each secret binds to, and the environment variable that production sets. */
    static final Map<String, String> SECRETS = Map.of(
            "bridge.keys.encryption-key", "BRIDGE_KEYS_ENCRYPTION_KEY",
            "bridge.session.data-key", "BRIDGE_SESSION_DATA_KEY",
            "bridge.keycloak.client-secret", "KEYCLOAK_CLIENT_SECRET",
            PORTAL_CLIENT_SECRET_PROPERTY, "PORTAL_CLIENT_SECRET");

    /** Runs after the configuration files and profiles are loaded (their processor runs first). */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> missing = SECRETS.entrySet().stream()
                .filter(secret -> isBlank(environment.getProperty(secret.getKey())))
                .map(Map.Entry::getValue)
                .sorted()
                .toList();
        if (!missing.isEmpty()) {
            throw new MissingSecretsException(missing);
        }
    }

    /** A secret is missing when it is empty once a password-encoder prefix such as {@code {noop}} is taken off. */
    private static boolean isBlank(String value) {
        if (value == null) {
            return true;
        }
        String secret = value.startsWith("{") && value.indexOf('}') > 0 ? value.substring(value.indexOf('}') + 1) : value;
        return secret.isBlank();
    }
}
