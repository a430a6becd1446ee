package cn.gov.jieyang.talent.portal.application;

import cn.gov.jieyang.talent.portal.cases.CaseState;
import java.util.UUID;

/**
 * One chosen service's case in an application ({@code application_case}).
 *
 * @param id          the case id
 * @param serviceCode the service
 * @param state       where it stands
 */
public record DraftCase(UUID id, String serviceCode, CaseState state) {

    /**
     * Whether a reviewer returned the case for more material.
     *
     * @return true if returned
     */
    public boolean isReturned() {
        return state == CaseState.RETURNED;
    }
}
