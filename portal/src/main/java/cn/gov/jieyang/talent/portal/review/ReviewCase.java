package cn.gov.jieyang.talent.portal.review;

import cn.gov.jieyang.talent.portal.cases.CaseState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One case as a reviewer sees it, read from {@code application_case} and its application.
 *
 * @param id               the case
 * @param applicationId    its application
 * @param reference        the application's reference (JYRC-...)
 * @param applicantSubject who applied (the bridge subject)
 * @param serviceCode      the service
 * @param state            where the case stands
 * @param returnReason     the reason when returned, else null
 * @param acceptedAt       when accepted, or null
 * @param dueOn            the working-day deadline, or null
 * @param submittedAt      when the application was (last) submitted, or null for a draft
 * @param version          the row version, for the optimistic check of every action
 * @param assignedTo       the reviewer working on it, or null
 */
record ReviewCase(UUID id, UUID applicationId, String reference, String applicantSubject, String serviceCode,
        CaseState state, String returnReason, Instant acceptedAt, LocalDate dueOn, Instant submittedAt, int version,
        String assignedTo) {

    static final String SELECT = "select c.id, c.application_id, a.reference, a.applicant_subject, c.service_code, "
            + "c.state, c.return_reason, c.accepted_at, c.due_on, a.submitted_at, c.version, c.assigned_to "
            + "from application_case c join application a on a.id = c.application_id ";

    static ReviewCase row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        java.sql.Timestamp accepted = rs.getTimestamp("accepted_at");
        java.sql.Timestamp submitted = rs.getTimestamp("submitted_at");
        return new ReviewCase(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
                rs.getString("reference"), rs.getString("applicant_subject"), rs.getString("service_code"),
                CaseState.of(rs.getString("state")), rs.getString("return_reason"),
                accepted == null ? null : accepted.toInstant(), rs.getObject("due_on", LocalDate.class),
                submitted == null ? null : submitted.toInstant(), rs.getInt("version"),
                rs.getString("assigned_to"));
    }

    /**
     * Whether a reviewer may act on it here at all: drafts are not submitted yet and handed-off cases
     * are handled in a provincial system.
     *
     * @return true for a case the bureau reviews
     */
    public boolean reviewable() {
        return state.isReviewedHere();
    }

    /**
     * Whether someone may be working on it: pending, in progress or returned (claim, release, assign).
     *
     * @return true for an open case reviewed here
     */
    public boolean open() {
        return state == CaseState.PENDING || state == CaseState.IN_PROGRESS || state == CaseState.RETURNED;
    }

    /**
     * Whether the page offers the accept action.
     *
     * @return true when the case may move to in progress
     */
    public boolean acceptable() {
        return state.canMoveTo(CaseState.IN_PROGRESS);
    }

    /**
     * Whether the page offers the return action.
     *
     * @return true when the case may move to returned
     */
    public boolean returnable() {
        return state.canMoveTo(CaseState.RETURNED);
    }

    /**
     * Whether the page offers the complete action.
     *
     * @return true when the case may move to completed
     */
    public boolean completable() {
        return state.canMoveTo(CaseState.COMPLETED);
    }
}
