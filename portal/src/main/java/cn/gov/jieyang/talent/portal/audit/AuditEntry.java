package cn.gov.jieyang.talent.portal.audit;

import java.util.Objects;
import java.util.UUID;

/**
 * What happened, to be appended to the audit chain by {@link AuditLog#record(AuditEntry)}.
 *
 * @param actorSubject  who did it: a bridge subject, or {@code system}
 * @param actorRole     in which role
 * @param eventType     past-tense type, e.g. {@code ApplicationSubmitted}, {@code CaseReturned}
 * @param applicationId the application concerned, or null
 * @param caseId        the case concerned, or null
 * @param detail        short detail (no ID numbers, no secrets), at most 4000 characters
 */
public record AuditEntry(String actorSubject, ActorRole actorRole, String eventType, UUID applicationId, UUID caseId,
        String detail) {

    /** The role an actor acted in. */
    public enum ActorRole {
        /** An applicant (individual or enterprise). */
        APPLICANT,
        /** A bureau reviewer. */
        REVIEWER,
        /** An auditor. */
        AUDITOR,
        /** The portal itself (e.g. the seal key signing a package). */
        SYSTEM
    }

    /**
     * Checks the parts.
     *
     * @param actorSubject  actor
     * @param actorRole     role
     * @param eventType     type
     * @param applicationId application or null
     * @param caseId        case or null
     * @param detail        detail, null for none
     * @throws IllegalArgumentException if a part is missing or too long
     */
    public AuditEntry {
        Objects.requireNonNull(actorSubject, "actorSubject");
        Objects.requireNonNull(actorRole, "actorRole");
        if (eventType == null || !eventType.matches("[A-Z][A-Za-z]{1,63}")) {
            throw new IllegalArgumentException("event type must be a past-tense CamelCase name: " + eventType);
        }
        detail = detail == null ? "" : detail;
        if (detail.length() > 4000 || actorSubject.isEmpty() || actorSubject.length() > 255) {
            throw new IllegalArgumentException("audit actor or detail out of bounds");
        }
    }
}
