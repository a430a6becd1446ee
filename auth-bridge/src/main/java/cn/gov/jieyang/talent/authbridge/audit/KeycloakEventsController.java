package cn.gov.jieyang.talent.authbridge.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /internal/keycloak-events}: Keycloak's failed logins and lockouts, typed on Keycloak's page
 * where the bridge never sees them, forwarded by its listener {@code jieyang-bridge-audit} and appended
 * to the bridge's chain ({@link KeycloakEvents}).
 *
 * <p>Unauthenticated by session, so the cheap checks come first and in this order: the declared and the
 * actual size (4 KiB, read no further), then the HMAC over time-stamp and body with the shared key
 * {@code bridge.audit.keycloak-events.key} (constant time, a five-minute window), and only then JSON
 * parsing and a database write. A refusal says no more than its status; the log names the caller's
 * address and the reason, never the body. Not a CSRF target: no cookie authenticates it.
 */
@RestController
class KeycloakEventsController {

    static final String PATH = "/internal/keycloak-events";
    static final int MAX_BODY = 4096;
    private static final Logger log = LoggerFactory.getLogger(KeycloakEventsController.class);

    private final KeycloakEventSignature signature;
    private final KeycloakEvents events;
    private final Clock clock;

    KeycloakEventsController(AuditProperties properties, KeycloakEvents events, Clock clock) {
        AuditProperties.KeycloakEvents config = properties.keycloakEvents();
        this.signature = config.key() == null ? null
                : new KeycloakEventSignature(config.key().getBytes(StandardCharsets.UTF_8), config.window());
        this.events = events;
        this.clock = clock;
        if (signature == null) {
            log.warn("bridge.audit.keycloak-events.key is not set: {} answers 404 and Keycloak's failed logins "
                    + "are not on the bridge's chain (Keycloak's own event store still has them)", PATH);
        }
    }

    @PostMapping(PATH)
    ResponseEntity<Void> receive(HttpServletRequest request) throws IOException {
        if (signature == null) {
            return ResponseEntity.notFound().build();
        }
        if (request.getContentLengthLong() > MAX_BODY) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
        }
        if (!signature.valid(request.getHeader("X-Jieyang-Timestamp"), body, request.getHeader("X-Jieyang-Signature"),
                clock.instant())) {
            log.warn("refused a Keycloak event forward from {}: signature missing, wrong, or outside the window "
                    + "(is BRIDGE_KEYCLOAK_EVENTS_KEY the same as Keycloak's, and are the clocks in step?)",
                    request.getRemoteAddr());
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        try {
            ForwardedKeycloakEvent event = ForwardedKeycloakEvent.parse(body);
            if (!events.record(event)) {
                log.info("Keycloak event {} was forwarded again; recorded once", event.id());
            }
            return ResponseEntity.noContent().build();
        } catch (IllegalArgumentException e) {
            // A field of the wrong shape, or one AuditEntry refuses (it could hold personal data): the
            // message names the field, never its value.
            log.warn("refused a signed Keycloak event forward from {}: {}", request.getRemoteAddr(), e.getMessage());
            return ResponseEntity.badRequest().build();
        }
    }
}
