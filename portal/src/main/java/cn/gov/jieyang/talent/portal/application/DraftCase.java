package cn.gov.jieyang.talent.portal.application;

import java.util.UUID;

/**
 * One chosen service's case in an application ({@code application_case}).
 *
 * @param id          the case id
 * @param serviceCode the service
 * @param state       draft, pending, in_progress, completed, returned or handed_off
 */
public record DraftCase(UUID id, String serviceCode, String state) {

    /**
     * Whether a reviewer returned the case for more material.
     *
     * @return true if returned
     */
    public boolean isReturned() {
        return "returned".equals(state);
    }
}
