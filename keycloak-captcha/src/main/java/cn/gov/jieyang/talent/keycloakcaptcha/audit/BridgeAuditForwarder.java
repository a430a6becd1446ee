package cn.gov.jieyang.talent.keycloakcaptcha.audit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;

/**
 * Forwards Keycloak's failed password logins and lockouts to the bridge's audit trail
 * ({@code POST /internal/keycloak-events}), signed with HMAC-SHA256 over {@code timestamp + "." + body}.
 *
 * <p>Why fire-and-forget: a login must never fail or wait because the bridge is down. The request is sent
 * asynchronously with a short timeout; a failure is logged at WARN with the event id only (no user, no IP).
 * Keycloak's own event store still holds every event, so nothing is lost for an auditor.
 *
 * <p>What is sent: event id, type, time, client id, Keycloak's user id (a UUID, never the user name,
 * which may be an ID number), the error code. No IP address, no password, no token. Nothing is looked up:
 * the listener runs inside Keycloak's login request and must add no database work to it.
 */
final class BridgeAuditForwarder implements EventListenerProvider {

    private static final Logger LOG = Logger.getLogger(BridgeAuditForwarder.class);
    static final String SIGNATURE_HEADER = "X-Jieyang-Signature";
    static final String TIMESTAMP_HEADER = "X-Jieyang-Timestamp";

    private final HttpClient http;
    private final URI target;
    private final byte[] key;

    BridgeAuditForwarder(HttpClient http, URI target, byte[] key) {
        this.http = http;
        this.target = target;
        this.key = key;
    }

    @Override
    public void onEvent(Event event) {
        if (event.getType() != EventType.LOGIN_ERROR || target == null) {
            return;
        }
        try {
            String body = body(event);
            String timestamp = Long.toString(System.currentTimeMillis() / 1000);
            HttpRequest request = HttpRequest.newBuilder(target)
                    .timeout(Duration.ofSeconds(2))
                    .header("Content-Type", "application/json")
                    .header(TIMESTAMP_HEADER, timestamp)
                    .header(SIGNATURE_HEADER, sign(key, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                if (e != null || r.statusCode() / 100 != 2) {
                    LOG.warnf("audit forward of Keycloak event %s to the bridge failed (%s); Keycloak's event store "
                            + "keeps it", event.getId(), e != null ? e.getClass().getSimpleName() : r.statusCode());
                }
            });
        } catch (RuntimeException e) {
            // Never let the forwarder break a login.
            LOG.warnf("audit forward of Keycloak event %s not sent (%s)", event.getId(), e.getClass().getSimpleName());
        }
    }

    static String body(Event event) {
        Map<String, String> d = event.getDetails();
        String authType = d == null ? null : d.get("auth_method");
        StringBuilder b = new StringBuilder("{");
        field(b, "id", event.getId());
        field(b, "type", event.getType().name());
        b.append("\"time\":").append(event.getTime()).append(',');
        field(b, "clientId", event.getClientId());
        field(b, "userId", event.getUserId());
        field(b, "authMethod", authType);
        field(b, "error", event.getError());
        b.setLength(b.length() - 1);
        return b.append('}').toString();
    }

    private static void field(StringBuilder b, String name, String value) {
        b.append('"').append(name).append("\":");
        if (value == null) {
            b.append("null,");
            return;
        }
        b.append('"');
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        b.append("\",");
    }

    static String sign(byte[] key, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        // Admin events are not forwarded.
    }

    @Override
    public void close() {
        // The HTTP client belongs to the factory.
    }
}
