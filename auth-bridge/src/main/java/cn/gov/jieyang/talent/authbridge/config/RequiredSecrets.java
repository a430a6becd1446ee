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

    /**
     * The property each secret binds to, and the environment variable that production sets. The portal
     * has none: it authenticates with {@code private_key_jwt}, and the bridge holds only its public key.
     */
    static final Map<String, String> SECRETS = Map.of(
            "bridge.keys.encryption-key", "BRIDGE_KEYS_ENCRYPTION_KEY",
            "bridge.session.data-key", "BRIDGE_SESSION_DATA_KEY",
            "bridge.keycloak.client-secret", "KEYCLOAK_CLIENT_SECRET",
            // The bureau seal that signs the audit trail's checkpoints (audit.CheckpointSeal).
            "bridge.audit.seal.pkcs12", "BRIDGE_AUDIT_SEAL_PKCS12",
            "bridge.audit.seal.password", "BRIDGE_AUDIT_SEAL_PASSWORD",
            // The key Keycloak signs its forwards of failed logins and lockouts with (audit.KeycloakEventsController).
            "bridge.audit.keycloak-events.key", "BRIDGE_KEYCLOAK_EVENTS_KEY");

    /** Runs after the configuration files and profiles are loaded (their processor runs first). */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> missing = SECRETS.entrySet().stream()
                .filter(secret -> {
                    String value = environment.getProperty(secret.getKey());
                    return value == null || value.isBlank();
                })
                .map(Map.Entry::getValue)
                .sorted()
                .toList();
        if (!missing.isEmpty()) {
            throw new MissingSecretsException(missing);
        }
    }
}
