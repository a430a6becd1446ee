package cn.gov.jieyang.talent.portal.catalogue;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One of the nine services of 人才服务“一件事”, as the catalogue holds it.
 *
 * @param code        stable identifier, e.g. {@code chief-technician}
 * @param order       position in the guide (1–9), the order services are shown and materials asked
 * @param nameZh      Chinese name, verbatim from the guide
 * @param nameEn      English name
 * @param eligibility who may apply
 * @param handling    handled here or handed off to a provincial system
 * @param timeLimit   per year's call or working days from acceptance
 * @param materials   required materials in the order they are asked for, each once; a handed-off
 *                    service requires only common materials here
 */
public record TalentService(String code, int order, String nameZh, String nameEn, Eligibility eligibility,
        Handling handling, TimeLimit timeLimit, List<MaterialRequirement> materials) {

    /**
     * Checks the parts and copies the materials.
     *
     * @param code        identifier
     * @param order       positive position
     * @param nameZh      Chinese name
     * @param nameEn      English name
     * @param eligibility who may apply
     * @param handling    where it is handled
     * @param timeLimit   time limit
     * @param materials   required materials
     * @throws IllegalArgumentException if a part is malformed, a material is listed twice, or a
     *                                  handed-off service lists a specific material
     */
    public TalentService {
        Codes.code("service code", code);
        if (order <= 0) {
            throw new IllegalArgumentException("service order must be positive: " + order);
        }
        Codes.text("service name (zh)", nameZh);
        Codes.text("service name (en)", nameEn);
        Objects.requireNonNull(eligibility, "eligibility");
        Objects.requireNonNull(handling, "handling");
        Objects.requireNonNull(timeLimit, "timeLimit");
        materials = List.copyOf(materials);
        Set<String> seen = new HashSet<>();
        for (MaterialRequirement requirement : materials) {
            if (!seen.add(requirement.code())) {
                throw new IllegalArgumentException(code + " lists material " + requirement.code() + " twice");
            }
            if (handling.isHandedOff() && !requirement.isCommon()) {
                throw new IllegalArgumentException(code + " is handed off but lists specific material "
                        + requirement.code());
            }
        }
    }

    /**
     * Whether a subject of this type may apply for this service.
     *
     * @param subjectType the applicant's type
     * @return true if it may
     */
    public boolean admits(SubjectType subjectType) {
        return eligibility.admits(subjectType);
    }

    /**
     * Whether applications are accepted now (a per-call service only while its call is open).
     *
     * @return true if an application may be submitted
     */
    public boolean acceptsApplications() {
        return timeLimit.acceptsApplications();
    }

    /**
     * Whether the time limit is set by each year's call (以当年申报通知为准).
     *
     * @return true for a per-call service
     */
    public boolean perYearCall() {
        return timeLimit instanceof TimeLimit.PerYearCall;
    }

    /**
     * The call in force of a per-call service (the latest one opened by the day the catalogue was read).
     *
     * @return the call, or null (a working-day limit, or no call opened yet)
     */
    public Call call() {
        return timeLimit instanceof TimeLimit.PerYearCall p ? p.call() : null;
    }

    /**
     * The working days an accepted case has: the service's own limit or the one its call in force sets.
     *
     * @return the number of working days, or null when none is set
     */
    public Integer workingDays() {
        return timeLimit.workingDays().isPresent() ? timeLimit.workingDays().getAsInt() : null;
    }

    /**
     * The materials specific to this service.
     *
     * @return the specific materials, in order
     */
    public List<MaterialRequirement> specificMaterials() {
        return materials.stream().filter(m -> !m.isCommon()).toList();
    }
}
