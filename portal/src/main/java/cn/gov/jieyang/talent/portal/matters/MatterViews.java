package cn.gov.jieyang.talent.portal.matters;

import cn.gov.jieyang.talent.portal.cases.CaseState;
import cn.gov.jieyang.talent.portal.catalogue.Handling;
import cn.gov.jieyang.talent.portal.catalogue.TalentService;
import cn.gov.jieyang.talent.portal.deadlines.Deadline;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/** What the matters pages show; plain read models built by {@link MattersQueries}. */
final class MatterViews {

    private MatterViews() {
    }

    /** An application in the list, with its cases' states. */
    record ApplicationSummary(UUID id, String reference, boolean draft, LocalDateTime createdAt,
            LocalDateTime submittedAt, List<CaseSummary> cases) {
    }

    /** A case in the list. */
    record CaseSummary(String serviceCode, String nameZh, String nameEn, CaseState state) {
    }

    /** The application on the detail page. */
    record Application(UUID id, String reference, boolean draft, LocalDateTime submittedAt) {
    }

    /**
     * A case on the detail page.
     *
     * @param service          the catalogue's service (names, handling, time limit, call, materials)
     * @param state            its state
     * @param returnReason     the reviewer's reason when returned (text)
     * @param handoffReference the reference to quote on the provincial system, or null
     * @param acceptedAt       when accepted, or null
     * @param deadline         its running deadline (in progress with a due day), or null
     */
    record CaseDetail(TalentService service, CaseState state, String returnReason, String handoffReference,
            LocalDateTime acceptedAt, Deadline deadline) {

        public boolean handedOff() {
            return service.handling().isHandedOff();
        }

        public Handling.HandedOff handoff() {
            return service.handling() instanceof Handling.HandedOff h ? h : null;
        }

        /** The working days of the limit (the service's own or its call's), or null. */
        public Integer workingDays() {
            return service.workingDays();
        }

        public boolean returned() {
            return state == CaseState.RETURNED;
        }
    }

    /** A signed package version. */
    record PackageVersion(int version, LocalDateTime signedAt) {
    }

    /** A timeline line. */
    record TimelineEntry(LocalDateTime at, String eventType, String actorRole, String serviceCode) {
    }
}
