package cn.gov.jieyang.talent.portal.cases;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where one case (one chosen service of an application) stands, and which moves are allowed:
 * <ul>
 * <li>draft → pending (待办) when the application is submitted, or draft → handed off (省级系统办理) for a
 * service a provincial system handles;</li>
 * <li>pending → in progress (办理中) when a reviewer accepts it, in progress → completed (已办结);</li>
 * <li>pending or in progress → returned (已退回) with a reason, returned → pending on resubmission.</li>
 * </ul>
 *
 * <p>{@link #code()} is the value {@code application_case.state} stores (its check constraint, V3, lists
 * the same six). Only {@link Cases} writes it; other features map stored codes with {@link #of(String)}
 * and bind {@link #code()} as a query parameter, so no state is spelt in another feature's SQL.
 */
public enum CaseState {

    /** Chosen in a draft application, not submitted yet. */
    DRAFT("draft"),
    /** Submitted (or resubmitted), waiting for a reviewer: 待办. */
    PENDING("pending"),
    /** Accepted by a reviewer: 办理中. */
    IN_PROGRESS("in_progress"),
    /** Returned to the applicant with a reason: 已退回. */
    RETURNED("returned"),
    /** Done: 已办结. */
    COMPLETED("completed"),
    /** A provincial system handles it; the applicant got a reference to quote there. */
    HANDED_OFF("handed_off");

    private final String code;

    CaseState(String code) {
        this.code = code;
    }

    /**
     * The stored code, also the suffix of the message keys {@code matters.state.<code>} and the CSS class.
     *
     * @return e.g. {@code in_progress}
     */
    public String code() {
        return code;
    }

    /**
     * The state a stored code stands for.
     *
     * @param code a value of {@code application_case.state}
     * @return the state
     * @throws IllegalArgumentException if no state has that code
     */
    public static CaseState of(String code) {
        for (CaseState state : values()) {
            if (state.code.equals(code)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown case state: " + code);
    }

    /**
     * The states a case in this state may move to.
     *
     * @return the next states (empty for completed and handed-off cases: nothing happens to them here)
     */
    public Set<CaseState> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(PENDING, HANDED_OFF);
            case PENDING -> EnumSet.of(IN_PROGRESS, RETURNED);
            case IN_PROGRESS -> EnumSet.of(COMPLETED, RETURNED);
            case RETURNED -> EnumSet.of(PENDING);
            case COMPLETED, HANDED_OFF -> EnumSet.noneOf(CaseState.class);
        };
    }

    /**
     * Whether a case in this state may move to another.
     *
     * @param target the state to move to
     * @return true if the move is allowed
     */
    public boolean canMoveTo(CaseState target) {
        return next().contains(target);
    }

    /**
     * Whether the case has left the draft (submitted at least once).
     *
     * @return false only for a draft
     */
    public boolean isSubmitted() {
        return this != DRAFT;
    }

    /**
     * Whether the bureau's reviewers work on it here: neither a draft nor handed off.
     *
     * @return true for pending, in progress, returned and completed cases
     */
    public boolean isReviewedHere() {
        return this != DRAFT && this != HANDED_OFF;
    }
}
