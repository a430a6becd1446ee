package cn.gov.jieyang.talent.portal.cases;

import java.time.Instant;
import java.util.UUID;

/**
 * A draft case was submitted with its application and waits for a reviewer (draft → pending).
 *
 * @param caseId        the case
 * @param applicationId its application
 * @param serviceCode   its service
 * @param by            who moved it
 * @param at            when
 */
public record CaseSubmitted(UUID caseId, UUID applicationId, String serviceCode, String by, Instant at)
        implements CaseEvent {

    @Override
    public CaseState state() {
        return CaseState.PENDING;
    }
}
