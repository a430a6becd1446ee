package cn.gov.jieyang.talent.portal.review;

import cn.gov.jieyang.talent.portal.cases.CaseAssignmentRefused;
import cn.gov.jieyang.talent.portal.cases.CaseAssignments;
import cn.gov.jieyang.talent.portal.cases.CaseMoveRefused;
import cn.gov.jieyang.talent.portal.cases.CaseState;
import cn.gov.jieyang.talent.portal.cases.Cases;
import cn.gov.jieyang.talent.portal.catalogue.Catalogue;
import cn.gov.jieyang.talent.portal.deadlines.Deadlines;
import cn.gov.jieyang.talent.portal.login.CurrentUser;
import cn.gov.jieyang.talent.portal.web.PortalProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reviewer's three actions on a case: accept (pending → in progress), return with a reason
 * (pending or in progress → returned) and complete (in progress → completed), each made by the cases
 * feature ({@link Cases}), which also has the audit event recorded; and who works on it: claim, release,
 * assign ({@link CaseAssignments}). One reviewer works on a case at a time: another's case is refused
 * (409), and an unassigned case becomes the accepting reviewer's.
 *
 * <p>Each action names the case version the reviewer saw; the case only moves if it is still in that
 * version and a state the move starts from, so a stale page or a second reviewer's click changes
 * nothing and gets a 409. The move and its audit event are one transaction.
 */
@Service
class ReviewActions {

    private final JdbcClient jdbc;
    private final Cases cases;
    private final CaseAssignments assignments;
    private final ReviewScope scope;
    private final Catalogue catalogue;
    private final Deadlines deadlines;
    private final Clock clock;

    ReviewActions(JdbcClient jdbc, Cases cases, CaseAssignments assignments, Catalogue catalogue, Deadlines deadlines,
            Clock clock, ReviewScope scope) {
        this.scope = scope;
        this.jdbc = jdbc;
        this.cases = cases;
        this.assignments = assignments;
        this.catalogue = catalogue;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @Transactional
    void accept(UUID caseId, int seenVersion, CurrentUser reviewer) {
        ReviewCase kase = reviewable(caseId, seenVersion, CaseState.IN_PROGRESS, reviewer);
        Instant now = clock.instant();
        // The service's own limit, or the one the call in force sets (read now, with the acceptance).
        LocalDate dueOn = deadlines.dueOn(catalogue.byCode(kase.serviceCode()).orElseThrow().timeLimit(), now)
                .orElse(null);
        try {
            cases.accept(caseId, seenVersion, dueOn, reviewer.subject(), now);
        } catch (CaseMoveRefused e) {
            throw stale();
        }
    }

    @Transactional
    void claim(UUID caseId, int seenVersion, CurrentUser reviewer) {
        assignable(caseId, seenVersion, reviewer);
        try {
            assignments.claim(caseId, seenVersion, reviewer.subject(), clock.instant());
        } catch (CaseAssignmentRefused e) {
            throw stale();
        }
    }

    /** Releases a case: a reviewer their own, a supervisor anyone's. */
    @Transactional
    void release(UUID caseId, int seenVersion, CurrentUser reviewer) {
        ReviewCase kase = assignable(caseId, seenVersion, reviewer);
        try {
            if (reviewer.isSupervisor() && !reviewer.subject().equals(kase.assignedTo())) {
                assignments.unassign(caseId, seenVersion, reviewer.subject(), clock.instant());
                return;
            }
            assignments.release(caseId, seenVersion, reviewer.subject(), clock.instant());
        } catch (CaseAssignmentRefused e) {
            throw stale();
        }
    }

    /** Assigns a case: a reviewer their own or an unassigned one, a supervisor any open case. */
    @Transactional
    void assign(UUID caseId, int seenVersion, String assignee, CurrentUser reviewer) {
        assignable(caseId, seenVersion, reviewer);
        try {
            if (reviewer.isSupervisor()) {
                assignments.reassign(caseId, seenVersion, assignee, reviewer.subject(), clock.instant());
            } else {
                assignments.assign(caseId, seenVersion, assignee, reviewer.subject(), clock.instant());
            }
        } catch (CaseAssignmentRefused e) {
            throw stale();
        }
    }

    @Transactional
    void returnCase(UUID caseId, int seenVersion, ReturnReason reason, CurrentUser reviewer) {
        reviewable(caseId, seenVersion, CaseState.RETURNED, reviewer);
        try {
            cases.returnCase(caseId, seenVersion, reason.text(), reviewer.subject(), clock.instant());
        } catch (CaseMoveRefused e) {
            throw stale();
        }
    }

    @Transactional
    void complete(UUID caseId, int seenVersion, CurrentUser reviewer) {
        reviewable(caseId, seenVersion, CaseState.COMPLETED, reviewer);
        try {
            cases.complete(caseId, seenVersion, reviewer.subject(), clock.instant());
        } catch (CaseMoveRefused e) {
            throw stale();
        }
    }

    /**
     * The case, if it exists and may move to the target from what the reviewer saw; else 404 or 409.
     * The guarded move checks state and version again: someone may change the case between this read
     * and that write.
     */
    private ReviewCase reviewable(UUID caseId, int seenVersion, CaseState target, CurrentUser reviewer) {
        ReviewCase kase = find(caseId, reviewer);
        // Handed off per the catalogue too, whatever state the row says: the provincial system decides those.
        if (!kase.state().isReviewedHere()
                || catalogue.byCode(kase.serviceCode()).orElseThrow().handling().isHandedOff()) {
            throw PortalProblem.conflict("review.not-reviewable");
        }
        if (kase.version() != seenVersion || !kase.state().canMoveTo(target)) {
            throw stale();
        }
        requireNotAnothers(kase, reviewer);
        return kase;
    }

    /** An open case reviewed here, in the version the reviewer saw; the guarded update checks the rest. */
    private ReviewCase assignable(UUID caseId, int seenVersion, CurrentUser reviewer) {
        ReviewCase kase = find(caseId, reviewer);
        if (!kase.state().isReviewedHere() || !kase.open()) {
            throw PortalProblem.conflict("review.not-assignable");
        }
        if (kase.version() != seenVersion) {
            throw stale();
        }
        if (!reviewer.isSupervisor()) {
            requireNotAnothers(kase, reviewer);
        }
        return kase;
    }

    /** One reviewer at a time: someone else's case is refused before anything is tried. */
    private static void requireNotAnothers(ReviewCase kase, CurrentUser reviewer) {
        if (kase.assignedTo() != null && !kase.assignedTo().equals(reviewer.subject())) {
            throw PortalProblem.conflict("review.claimed-by-other");
        }
    }

    /** The case, if it is one of this reviewer's services (V15); any other is "not found", like a missing one. */
    private ReviewCase find(UUID caseId, CurrentUser reviewer) {
        return jdbc.sql(ReviewCase.SELECT + "where c.id = ?").param(caseId)
                .query(ReviewCase::row).optional()
                .filter(kase -> scope.of(reviewer).covers(kase.serviceCode()))
                .orElseThrow(() -> PortalProblem.notFound("review.case-not-found"));
    }

    private static PortalProblem stale() {
        return PortalProblem.conflict("review.stale");
    }
}
