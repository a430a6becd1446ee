package cn.gov.jieyang.talent.portal.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One recorded event in the audit chain.
 *
 * @param seq           position in the chain (1, 2, ...)
 * @param occurredAt    when (microsecond precision, as stored)
 * @param actorSubject  who
 * @param actorRole     in which role
 * @param eventType     what
 * @param applicationId application or null
 * @param caseId        case or null
 * @param detail        detail
 * @param prevHash      the previous event's hash (64 zeros for the first)
 * @param hash          SHA-256 over the previous hash and this event's content, hex
 */
public record AuditEvent(long seq, Instant occurredAt, String actorSubject, AuditEntry.ActorRole actorRole,
        String eventType, UUID applicationId, UUID caseId, String detail, String prevHash, String hash) {
}
