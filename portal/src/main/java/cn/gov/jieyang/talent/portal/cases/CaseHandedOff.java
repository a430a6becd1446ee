package cn.gov.jieyang.talent.portal.cases;

import java.time.Instant;
import java.util.UUID;

/**
 * A draft case was submitted for a service a provincial system handles (draft → handed off).
 *
 * @param caseId        the case
 * @param applicationId its application
 * @param serviceCode   its service
 * @param handoffReference the reference the applicant quotes on the provincial system
 * @param by            who moved it
 * @param at            when
 */
public record CaseHandedOff(UUID caseId, UUID applicationId, String serviceCode, String handoffReference, String by,
        Instant at)
        implements CaseEvent {

    @Override
    public CaseState state() {
        return CaseState.HANDED_OFF;
    }
}
