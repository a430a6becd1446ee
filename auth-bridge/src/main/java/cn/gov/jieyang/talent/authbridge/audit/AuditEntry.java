package cn.gov.jieyang.talent.authbridge.audit;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * One thing that happened, to be appended to the bridge's audit chain by {@link AuditTrail#record}.
 * Built only by the factories below, each a past-tense event type. Every value is a code or an opaque
 * identifier the bridge made (a subject, a sid, a kid, a client id): the constructor refuses anything
 * that is longer, holds a space, a dot (every JWT has two) or a run of digits as long as an ID number,
 * so an ID number, a token, a password or a code cannot end up in the chain by mistake.
 *
 * @param actor  who: an opaque subject ({@code p-…}, {@code u-…}, {@code e-…}), {@code anonymous},
 *               {@code yuexinqian}, {@code keycloak} or {@code bridge}
 * @param role   in which role
 * @param type   past-tense CamelCase type, e.g. {@code LoginSucceeded}
 * @param detail key/value pairs, written {@code key=value} separated by one space, in the given order
 */
public record AuditEntry(String actor, Role role, String type, Map<String, String> detail) {

    /** The role an actor acted in (stored lower case, hashed upper case as the signing library says). */
    public enum Role {
        /** A person logging in or out (possibly not yet known: {@code anonymous}). */
        PERSON,
        /** 粤信签 or Keycloak, answering the bridge. */
        UPSTREAM,
        /** An auditor (the export). */
        AUDITOR,
        /** The bridge itself (key rotation). */
        SYSTEM
    }

    /** Which way a person proved who they are. */
    public enum Door {
        /** 粤信签 face verification. */
        FACE,
        /** Keycloak account and password. */
        PASSWORD
    }

    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Za-z]{1,63}");
    private static final Pattern KEY = Pattern.compile("[a-z][a-z_]{0,31}");
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_:/@+=-]{1,64}");
    /** 15 or more digits in a row: the shape of an ID number (15 or 18 characters), never of our ids. */
    private static final Pattern ID_NUMBER_LIKE = Pattern.compile("\\d{15}");
    /** A subject: {@code p-}, {@code u-} or {@code e-} and lower-case letters, digits and '-'. */
    private static final Pattern SUBJECT = Pattern.compile("[pue]-[0-9a-z-]{1,62}");
    /**
     * The bridge's own subjects (session.DataProtector#subjectFor): 16 bytes of an HMAC in hex; {@code k-} is
     * a Keycloak account whose kind is not known (its logins are {@code u-} or {@code e-} and the same hex).
     */
    private static final Pattern HMAC_SUBJECT = Pattern.compile("[puek]-[0-9a-f]{32}");
    private static final java.util.Set<String> NAMED_ACTORS = java.util.Set.of("anonymous", "yuexinqian", "keycloak",
            "bridge");

    /**
     * Checks every part.
     *
     * @param actor  actor
     * @param role   role
     * @param type   type
     * @param detail detail, in order; null values are left out
     * @throws IllegalArgumentException if a part could hold personal data or a secret
     */
    public AuditEntry {
        Objects.requireNonNull(role, "role");
        if (type == null || !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("an audit event type is a past-tense CamelCase name");
        }
        if (actor == null || !SUBJECT.matcher(actor).matches() && !NAMED_ACTORS.contains(actor)) {
            throw new IllegalArgumentException("an audit actor is a bridge subject or one of " + NAMED_ACTORS);
        }
        requireSafe("actor", actor);
        Map<String, String> copy = new LinkedHashMap<>();
        detail.forEach((k, v) -> {
            if (!KEY.matcher(k).matches()) {
                throw new IllegalArgumentException("audit detail key " + k + " is not a lower-case name");
            }
            if (v != null) {
                requireSafe(k, v);
                copy.put(k, v);
            }
        });
        detail = java.util.Collections.unmodifiableMap(copy);
    }

    private static void requireSafe(String what, String value) {
        // An HMAC subject's hex may hold 15 digits in a row by chance (about 1 in 60); it is no ID number.
        boolean hmacSubject = HMAC_SUBJECT.matcher(value).matches();
        if (!hmacSubject && (!VALUE.matcher(value).matches() || ID_NUMBER_LIKE.matcher(value).find())) {
            // The value is not repeated: it is exactly what must not be written anywhere.
            throw new IllegalArgumentException("audit " + what + " is not a code or an opaque id");
        }
    }

    /** @return the detail as stored and hashed: {@code key=value key=value} */
    public String detailText() {
        StringJoiner j = new StringJoiner(" ");
        detail.forEach((k, v) -> j.add(k + "=" + v));
        return j.toString();
    }

    /**
     * A session started after a login.
     *
     * @param door     the door
     * @param subject  the session's subject
     * @param sid      the session
     * @param acr      its assurance ({@code urn:gd:trust:L4} / {@code L2})
     * @param clientId the relying party the login was for, or null
     * @return the entry
     */
    public static AuditEntry loginSucceeded(Door door, String subject, String sid, String acr, String clientId) {
        return new AuditEntry(subject, Role.PERSON, "LoginSucceeded",
                details("door", door(door), "acr", acr, "sid", sid, "client", clientId));
    }

    /**
     * A login did not make a session.
     *
     * @param door     the door
     * @param reason   why, a code (e.g. {@code face_check_failed}, {@code access_denied})
     * @param clientId the relying party, or null
     * @return the entry
     */
    public static AuditEntry loginFailed(Door door, String reason, String clientId) {
        return new AuditEntry("anonymous", Role.PERSON, "LoginFailed",
                details("door", door(door), "reason", reason, "client", clientId));
    }

    /**
     * A face login was stopped before it made a session (or its session was ended at once).
     *
     * @param reason {@code wrong_number}, {@code not_me} or {@code returned_to_another_browser}
     * @return the entry
     */
    public static AuditEntry loginStopped(String reason) {
        return new AuditEntry("anonymous", Role.PERSON, "LoginStopped", details("door", "face", "reason", reason));
    }

    /**
     * A password session became face-verified by the account's own person.
     *
     * @param subject the account's subject
     * @param fromSid the password session, now ended
     * @param toSid   the face-verified session
     * @return the entry
     */
    public static AuditEntry stepUpSucceeded(String subject, String fromSid, String toSid) {
        return new AuditEntry(subject, Role.PERSON, "StepUpSucceeded", details("from_sid", fromSid, "sid", toSid));
    }

    /**
     * A step-up was refused: the face verified is not the account's person (or it has none on record).
     *
     * @param subject the account's subject
     * @param sid     its session, unchanged
     * @return the entry
     */
    public static AuditEntry stepUpRefused(String subject, String sid) {
        return new AuditEntry(subject, Role.PERSON, "StepUpRefused", details("sid", sid, "reason", "another_person"));
    }

    /**
     * A session ended.
     *
     * @param subject its subject
     * @param sid     the session
     * @param why     {@code logged_out}, {@code stopped} or {@code stepped_up}
     * @return the entry
     */
    public static AuditEntry sessionEnded(String subject, String sid, String why) {
        return new AuditEntry(subject, Role.PERSON, "SessionEnded", details("sid", sid, "why", why));
    }

    /**
     * 粤信签's callback was accepted.
     *
     * @param outcome    {@code verified} or {@code failed}
     * @param subject    the verified person's subject, or null
     * @param trustLevel the level 粤信签 vouched for
     * @return the entry
     */
    public static AuditEntry callbackAccepted(String outcome, String subject, String trustLevel) {
        return new AuditEntry("yuexinqian", Role.UPSTREAM, "CallbackAccepted",
                details("outcome", outcome, "subject", subject, "trust_level", trustLevel));
    }

    /**
     * 粤信签's callback was refused (or could not be checked).
     *
     * @param error  the protocol's error code answered
     * @param reason the finer reason ({@code bad_signature}, {@code unknown_key}, {@code replayed_jti}, …)
     * @return the entry
     */
    public static AuditEntry callbackRefused(String error, String reason) {
        return new AuditEntry("yuexinqian", Role.UPSTREAM, "CallbackRefused", details("error", error, "reason", reason));
    }

    /**
     * The signing keys changed.
     *
     * @param how       {@code rotated} or {@code created}
     * @param activeKid the key that signs now
     * @param nextKid   the key published next
     * @return the entry
     */
    public static AuditEntry signingKeysChanged(String how, String activeKid, String nextKid) {
        return new AuditEntry("bridge", Role.SYSTEM, "SigningKeyRotated",
                details("how", how, "active_kid", activeKid, "next_kid", nextKid));
    }

    static AuditEntry exported(String subject) {
        return new AuditEntry(subject, Role.AUDITOR, "AuditExported", Map.of());
    }

    private static String door(Door door) {
        return door.name().toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> details(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
