package cn.gov.jieyang.talent.portal.catalogue;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One row of the catalogue query: a service joined with one of its materials (null material
 * columns for a service without materials). Turns rows into {@link TalentService}s.
 */
record CatalogueRow(String code, int sortOrder, String nameZh, String nameEn, String eligibility, String handling,
        String handoffSystemZh, String handoffSystemEn, String handoffUrl, String timeLimitKind,
        Integer workingDays, Boolean callOpen, String materialCode, String materialNameZh, String materialNameEn,
        String materialKind) {

    /** Selects services with their materials, in service order and then material position. */
    static final String SELECT = """
            select s.code, s.sort_order, s.name_zh, s.name_en, s.eligibility, s.handling,
                   s.handoff_system_zh, s.handoff_system_en, s.handoff_url,
                   s.time_limit_kind, s.working_days, s.call_open,
                   m.code as material_code, m.name_zh as material_name_zh, m.name_en as material_name_en,
                   m.kind as material_kind
              from catalogue_service s
              left join catalogue_service_material sm on sm.service_code = s.code
              left join catalogue_material m on m.code = sm.material_code
            """;

    static final String ORDER = " order by s.sort_order, sm.position";

    /**
     * Groups rows, ordered by service, into services.
     *
     * @param rows rows in service order and material position
     * @return the services, in order
     */
    static List<TalentService> toServices(List<CatalogueRow> rows) {
        Map<String, List<CatalogueRow>> byService = new LinkedHashMap<>();
        for (CatalogueRow row : rows) {
            byService.computeIfAbsent(row.code(), c -> new ArrayList<>()).add(row);
        }
        return byService.values().stream().map(CatalogueRow::toService).toList();
    }

    private static TalentService toService(List<CatalogueRow> rows) {
        CatalogueRow s = rows.get(0);
        List<MaterialRequirement> materials = rows.stream()
                .filter(r -> r.materialCode() != null)
                .map(CatalogueRow::toRequirement)
                .toList();
        return new TalentService(s.code(), s.sortOrder(), s.nameZh(), s.nameEn(), enumValue(Eligibility.class,
                s.eligibility()), s.toHandling(), s.toTimeLimit(), materials);
    }

    private Handling toHandling() {
        return switch (handling) {
            case "local" -> Handling.local();
            case "handed_off" -> Handling.handedOff(handoffSystemZh, handoffSystemEn, URI.create(handoffUrl));
            default -> throw new IllegalStateException("unknown handling in catalogue: " + handling);
        };
    }

    private TimeLimit toTimeLimit() {
        return switch (timeLimitKind) {
            case "per_year_call" -> TimeLimit.perYearCall(Boolean.TRUE.equals(callOpen));
            case "working_days" -> TimeLimit.workingDaysFromAcceptance(workingDays);
            default -> throw new IllegalStateException("unknown time limit in catalogue: " + timeLimitKind);
        };
    }

    private MaterialRequirement toRequirement() {
        return new MaterialRequirement(new Material(materialCode, materialNameZh, materialNameEn),
                enumValue(MaterialRequirement.Kind.class, materialKind));
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String dbValue) {
        return Enum.valueOf(type, dbValue.toUpperCase(Locale.ROOT));
    }
}
