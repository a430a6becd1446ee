package cn.gov.jieyang.talent.keycloakcaptcha.audit;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * The event listener {@code jieyang-bridge-audit}. Configured with
 * {@code --spi-events-listener--jieyang-bridge-audit--url=http://…/internal/keycloak-events} and
 * {@code --spi-events-listener--jieyang-bridge-audit--key=…} (the bridge's {@code bridge.audit.keycloak-events.key}, {@code BRIDGE_KEYCLOAK_EVENTS_KEY}; {@code keycloak.sh --bridge-events URL} passes both as environment variables);
 * without both it forwards nothing and says so once at WARN, so a Keycloak without a bridge still runs.
 */
public final class BridgeAuditForwarderFactory implements EventListenerProviderFactory {

    static final String ID = "jieyang-bridge-audit";
    private static final Logger LOG = Logger.getLogger(BridgeAuditForwarderFactory.class);

    private HttpClient http;
    private URI url;
    private byte[] key;

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new BridgeAuditForwarder(http, url, key);
    }

    @Override
    public void init(Config.Scope config) {
        String u = config.get("url");
        String k = config.get("key");
        if (u == null || u.isBlank() || k == null || k.length() < 32) {
            LOG.warn("jieyang-bridge-audit: no url or no key of at least 32 characters; failed logins and lockouts "
                    + "are not forwarded to the bridge (Keycloak's own event store still has them)");
            return;
        }
        url = URI.create(u);
        key = k.getBytes(StandardCharsets.UTF_8);
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // Nothing to wire.
    }

    @Override
    public void close() {
        // HttpClient needs no closing on Java 17.
    }

    @Override
    public String getId() {
        return ID;
    }
}
