package cn.gov.jieyang.talent.portal.cases;

import java.time.Instant;
import java.util.UUID;

/**
 * A reviewer returned the case to the applicant (pending or in progress → returned).
 *
 * @param caseId        the case
 * @param applicationId its application
 * @param serviceCode   its service
 * @param reason        the reviewer's reason, shown to the applicant as text
 * @param by            who moved it
 * @param at            when
 */
public record CaseReturned(UUID caseId, UUID applicationId, String serviceCode, String reason, String by, Instant at)
        implements CaseEvent {

    @Override
    public CaseState state() {
        return CaseState.RETURNED;
    }
}
