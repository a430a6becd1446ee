package cn.gov.jieyang.talent.portal.cases;

import java.time.Instant;
import java.util.UUID;

/**
 * Something that happened to a case, published by {@link Cases} in the transaction that moved it, so a
 * listener that runs in that transaction (the audit chain) commits or rolls back with the move.
 * Listeners that run after the commit are recorded in the event publication registry
 * ({@code event_publication}, V10) until they have completed.
 */
public sealed interface CaseEvent
        permits CaseSubmitted, CaseHandedOff, CaseAccepted, CaseReturned, CaseCompleted, CaseResubmitted {

    /**
     * The case.
     *
     * @return its id
     */
    UUID caseId();

    /**
     * The case's application.
     *
     * @return its id
     */
    UUID applicationId();

    /**
     * The case's service.
     *
     * @return the catalogue code
     */
    String serviceCode();

    /**
     * Who moved it: the applicant's or the reviewer's subject.
     *
     * @return the bridge subject
     */
    String by();

    /**
     * When, as stored in {@code application_case.updated_at} (microseconds).
     *
     * @return the instant
     */
    Instant at();

    /**
     * The state the case is in now.
     *
     * @return the new state
     */
    CaseState state();
}
