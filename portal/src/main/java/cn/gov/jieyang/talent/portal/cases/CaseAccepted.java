package cn.gov.jieyang.talent.portal.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A reviewer accepted the case (pending → in progress).
 *
 * @param caseId        the case
 * @param applicationId its application
 * @param serviceCode   its service
 * @param dueOn         the last day of a limit in working days, or null for a limit per year's call
 * @param by            who moved it
 * @param at            when
 */
public record CaseAccepted(UUID caseId, UUID applicationId, String serviceCode, LocalDate dueOn, String by, Instant at)
        implements CaseEvent {

    @Override
    public CaseState state() {
        return CaseState.IN_PROGRESS;
    }
}
