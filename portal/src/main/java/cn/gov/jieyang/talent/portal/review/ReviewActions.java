package cn.gov.jieyang.talent.portal.review;

import cn.gov.jieyang.talent.portal.audit.AuditEntry;
import cn.gov.jieyang.talent.portal.audit.AuditEntry.ActorRole;
import cn.gov.jieyang.talent.portal.audit.AuditLog;
import cn.gov.jieyang.talent.portal.catalogue.Catalogue;
import cn.gov.jieyang.talent.portal.catalogue.TimeLimit;
import cn.gov.jieyang.talent.portal.login.CurrentUser;
import cn.gov.jieyang.talent.portal.web.ChinaTime;
import cn.gov.jieyang.talent.portal.web.PortalProblem;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reviewer's three actions on a case: accept (pending → in progress), return with a reason
 * (pending or in progress → returned) and complete (in progress → completed).
 *
 * <p>Each action names the case version the reviewer saw; the update only happens if the case is
 * still in that version and an allowed state, so a stale page or a second reviewer's click changes
 * nothing and gets a 409. The state change and its audit event are one transaction.
 */
@Service
class ReviewActions {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Catalogue catalogue;
    private final HolidayCalendar calendar;
    private final Clock clock;

    ReviewActions(JdbcClient jdbc, AuditLog audit, Catalogue catalogue, HolidayCalendar calendar, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.catalogue = catalogue;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Transactional
    void accept(UUID caseId, int seenVersion, CurrentUser reviewer) {
        ReviewCase kase = reviewable(caseId, seenVersion, Set.of("pending"));
        Instant now = now();
        LocalDate dueOn = null;
        TimeLimit limit = catalogue.byCode(kase.serviceCode()).orElseThrow().timeLimit();
        if (limit instanceof TimeLimit.WorkingDays working) {
            dueOn = calendar.current().plusWorkingDays(LocalDate.ofInstant(now, ChinaTime.ZONE), working.days());
        }
        int updated = jdbc.sql("update application_case set state = 'in_progress', return_reason = null, "
                        + "accepted_at = ?, due_on = ?, updated_at = ?, version = version + 1 "
                        + "where id = ? and version = ? and state = 'pending'")
                .params(Timestamp.from(now), dueOn, Timestamp.from(now), caseId, seenVersion).update();
        changed(updated);
        audit.record(new AuditEntry(reviewer.subject(), ActorRole.REVIEWER, "CaseAccepted", kase.applicationId(),
                caseId, kase.serviceCode() + (dueOn == null ? "" : " due " + dueOn)));
    }

    @Transactional
    void returnCase(UUID caseId, int seenVersion, ReturnReason reason, CurrentUser reviewer) {
        ReviewCase kase = reviewable(caseId, seenVersion, Set.of("pending", "in_progress"));
        Instant now = now();
        int updated = jdbc.sql("update application_case set state = 'returned', return_reason = ?, "
                        + "updated_at = ?, version = version + 1 "
                        + "where id = ? and version = ? and state in ('pending', 'in_progress')")
                .params(reason.text(), Timestamp.from(now), caseId, seenVersion).update();
        changed(updated);
        audit.record(new AuditEntry(reviewer.subject(), ActorRole.REVIEWER, "CaseReturned", kase.applicationId(),
                caseId, reason.text()));
    }

    @Transactional
    void complete(UUID caseId, int seenVersion, CurrentUser reviewer) {
        ReviewCase kase = reviewable(caseId, seenVersion, Set.of("in_progress"));
        int updated = jdbc.sql("update application_case set state = 'completed', updated_at = ?, "
                        + "version = version + 1 where id = ? and version = ? and state = 'in_progress'")
                .params(Timestamp.from(now()), caseId, seenVersion).update();
        changed(updated);
        audit.record(new AuditEntry(reviewer.subject(), ActorRole.REVIEWER, "CaseCompleted", kase.applicationId(),
                caseId, kase.serviceCode()));
    }

    /** The case, if it exists and the action is allowed on what the reviewer saw; else 404 or 409. */
    private ReviewCase reviewable(UUID caseId, int seenVersion, Set<String> allowedStates) {
        ReviewCase kase = jdbc.sql(ReviewCase.SELECT + "where c.id = ?").param(caseId)
                .query(ReviewCase::row).optional()
                .orElseThrow(() -> PortalProblem.notFound("review.case-not-found"));
        // Handed off per the catalogue too, whatever state the row says: the provincial system decides those.
        if (!kase.reviewable() || catalogue.byCode(kase.serviceCode()).orElseThrow().handling().isHandedOff()) {
            throw PortalProblem.conflict("review.not-reviewable");
        }
        if (kase.version() != seenVersion || !allowedStates.contains(kase.state())) {
            throw PortalProblem.conflict("review.stale");
        }
        return kase;
    }

    /** The guarded update found nothing: someone else changed the case between our read and write. */
    private static void changed(int updated) {
        if (updated != 1) {
            throw PortalProblem.conflict("review.stale");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
