package cn.gov.jieyang.talent.portal.cases;

import java.time.Instant;
import java.util.UUID;

/**
 * Who works on a case changed: a reviewer claimed it, released it or assigned it to another reviewer.
 * Published by {@link CaseAssignments} in the transaction that changed it (the audit chain records it
 * there). The case's state does not change.
 *
 * @param caseId        the case
 * @param applicationId its application
 * @param serviceCode   its service
 * @param kind          claimed, released or assigned
 * @param assignee      the reviewer now working on it, or null once released
 * @param by            the reviewer who changed it
 * @param at            when
 */
public record CaseAssignmentChanged(UUID caseId, UUID applicationId, String serviceCode, Kind kind, String assignee,
        String by, Instant at) {

    /** What the reviewer did. */
    public enum Kind {
        /** Took an unassigned case. */
        CLAIMED,
        /** Gave up their own case: it is unassigned again. */
        RELEASED,
        /** Gave a case (unassigned or their own) to another reviewer. */
        ASSIGNED
    }
}
