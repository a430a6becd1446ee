package cn.gov.jieyang.talent.portal.audit;

import cn.gov.jieyang.talent.portal.audit.AuditEntry.ActorRole;
import cn.gov.jieyang.talent.portal.cases.CaseAccepted;
import cn.gov.jieyang.talent.portal.cases.CaseAssignmentChanged;
import cn.gov.jieyang.talent.portal.cases.CaseCompleted;
import cn.gov.jieyang.talent.portal.cases.CaseEvent;
import cn.gov.jieyang.talent.portal.cases.CaseHandedOff;
import cn.gov.jieyang.talent.portal.cases.CaseReturned;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the audit events of case moves from the cases feature's events. A plain (synchronous)
 * listener on purpose: it runs inside the transaction that moved the case, so the audit event exists
 * exactly when the move was committed, and a failure to record it rolls the move back (the event is
 * appended just before that transaction commits, {@link AuditLog#recordAtCommit}). An
 * after-commit listener could lose the record of a committed change, which an audit chain must not.
 *
 * <p>The event types, actors and details are those the portal has always written (the timeline's
 * labels, {@code matters.event.<type>}, and existing chains depend on them). A case submitted or
 * resubmitted with its application gets no event of its own: the application's
 * {@code ApplicationSubmitted} / {@code ApplicationResubmitted}, which the submission feature records,
 * names its services.
 */
@Component
class CaseAuditTrail {

    /** Hand-offs are the portal's own act, as recorded since the first chain. */
    private static final String SYSTEM = "system";

    private final AuditLog audit;

    CaseAuditTrail(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void accepted(CaseAccepted e) {
        record(e.by(), ActorRole.REVIEWER, "CaseAccepted", e,
                e.serviceCode() + (e.dueOn() == null ? "" : " due " + e.dueOn()));
    }

    @EventListener
    void returned(CaseReturned e) {
        record(e.by(), ActorRole.REVIEWER, "CaseReturned", e, e.reason());
    }

    @EventListener
    void completed(CaseCompleted e) {
        record(e.by(), ActorRole.REVIEWER, "CaseCompleted", e, e.serviceCode());
    }

    @EventListener
    void assignmentChanged(CaseAssignmentChanged e) {
        String type = switch (e.kind()) {
            case CLAIMED -> "CaseClaimed";
            case RELEASED -> "CaseReleased";
            case ASSIGNED -> "CaseAssigned";
        };
        audit.recordAtCommit(new AuditEntry(e.by(), ActorRole.REVIEWER, type, e.applicationId(), e.caseId(),
                e.serviceCode() + (e.assignee() == null ? "" : "; assignee=" + e.assignee())));
    }

    @EventListener
    void handedOff(CaseHandedOff e) {
        record(SYSTEM, ActorRole.SYSTEM, "CaseHandedOff", e,
                "service=" + e.serviceCode() + "; handoffReference=" + e.handoffReference());
    }

    private void record(String actor, ActorRole role, String type, CaseEvent e, String detail) {
        // At the commit of the move's transaction: the chain's lock is not held while the rest of it runs.
        audit.recordAtCommit(new AuditEntry(actor, role, type, e.applicationId(), e.caseId(), detail));
    }
}
