package cn.gov.jieyang.talent.portal.cases;

import java.time.Instant;
import java.util.UUID;

/**
 * The applicant resubmitted a returned case; it waits for a reviewer again (returned → pending).
 *
 * @param caseId        the case
 * @param applicationId its application
 * @param serviceCode   its service
 * @param by            who moved it
 * @param at            when
 */
public record CaseResubmitted(UUID caseId, UUID applicationId, String serviceCode, String by, Instant at)
        implements CaseEvent {

    @Override
    public CaseState state() {
        return CaseState.PENDING;
    }
}
