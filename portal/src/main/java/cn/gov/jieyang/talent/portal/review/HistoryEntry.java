package cn.gov.jieyang.talent.portal.review;

import cn.gov.jieyang.talent.portal.audit.AuditEvent;
import cn.gov.jieyang.talent.portal.web.ChinaTime;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One line of an application's history on the reviewer's and auditor's pages.
 *
 * @param seq          position in the audit chain
 * @param at           when, in China's time zone
 * @param eventType    what (its localised name is {@code matters.event.<type>})
 * @param actorRole    applicant, reviewer, auditor or system
 * @param actorSubject who
 * @param serviceCode  the case's service, or null for application-wide events
 * @param detail       the event's detail (e.g. a return reason), shown as text
 */
record HistoryEntry(long seq, LocalDateTime at, String eventType, String actorRole, String actorSubject,
        String serviceCode, String detail) {

    static List<HistoryEntry> of(List<AuditEvent> events, Map<UUID, String> caseServices) {
        return events.stream().map(e -> new HistoryEntry(e.seq(), ChinaTime.localDateTime(e.occurredAt()),
                e.eventType(), e.actorRole().name().toLowerCase(Locale.ROOT), e.actorSubject(),
                e.caseId() == null ? null : caseServices.get(e.caseId()), e.detail())).toList();
    }
}
