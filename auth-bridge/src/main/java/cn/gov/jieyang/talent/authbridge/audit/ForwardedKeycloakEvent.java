package cn.gov.jieyang.talent.authbridge.audit;

import cn.gov.jieyang.talent.authbridge.session.DataProtector;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A failed login as Keycloak's listener {@code jieyang-bridge-audit} forwards it (keycloak-captcha,
 * {@code BridgeAuditForwarder}), checked field by field: only ids and codes of a known shape pass, so
 * nothing personal can reach the chain even from a forward that was signed but malformed.
 *
 * @param id         Keycloak's event id (a UUID), the replay key
 * @param clientId   the client the login was for, or null
 * @param userId     Keycloak's user id (a UUID), or null when no account matched the name typed
 * @param error      Keycloak's error code, e.g. {@code invalid_user_credentials}
 */
record ForwardedKeycloakEvent(String id, String clientId, String userId, String error) {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern CLIENT = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern ERROR = Pattern.compile("[a-z_]{1,64}");
    /** Keycloak's codes for a login refused because brute-force detection (or an admin) disabled the account. */
    private static final Set<String> LOCKED = Set.of("user_temporarily_disabled", "user_disabled");

    /**
     * Reads a forward's body.
     *
     * @param body the JSON the listener sent (at most 4 KiB, its signature already checked)
     * @return the event
     * @throws IllegalArgumentException when it is not a LOGIN_ERROR event of the expected shape
     */
    static ForwardedKeycloakEvent parse(byte[] body) {
        Map<String, Object> json;
        try {
            json = JSONObjectUtils.parse(new String(body, StandardCharsets.UTF_8));
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a JSON object");
        }
        if (!"LOGIN_ERROR".equals(json.get("type"))) {
            throw new IllegalArgumentException("not a LOGIN_ERROR event");
        }
        return new ForwardedKeycloakEvent(required(json, "id", UUID), optional(json, "clientId", CLIENT),
                optional(json, "userId", UUID), required(json, "error", ERROR));
    }

    private static String required(Map<String, Object> json, String field, Pattern shape) {
        String value = optional(json, field, shape);
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }

    private static String optional(Map<String, Object> json, String field, Pattern shape) {
        Object value = json.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s) || !shape.matcher(s).matches()) {
            throw new IllegalArgumentException(field + " has an unexpected form");
        }
        return s;
    }

    /**
     * The chain's event: {@code LockedOut} for a login refused because the account is disabled, else
     * {@code LoginFailed}, reported by {@code keycloak} about the account: {@code k-} and the keyed hash of
     * Keycloak's user id, the same hex as the {@code u-} (individual) or {@code e-} (enterprise) subject
     * its successful logins have. The listener looks nothing up inside Keycloak's login, so which of the
     * two the account is, is not known here.
     *
     * @param protector the bridge's subject hash
     * @return the entry to append
     */
    AuditEntry entry(DataProtector protector) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("door", "password");
        detail.put("reason", error);
        detail.put("account", userId == null ? null : protector.subjectFor("k", "keycloak:" + userId));
        detail.put("client", clientId);
        detail.put("keycloak_event", id);
        return new AuditEntry("keycloak", AuditEntry.Role.UPSTREAM, LOCKED.contains(error) ? "LockedOut" : "LoginFailed",
                detail);
    }
}
