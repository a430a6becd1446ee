package cn.gov.jieyang.talent.portal.catalogue;

import java.net.URI;
import java.time.LocalDate;
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
        Integer workingDays, LocalDate callOpensOn, LocalDate callClosesOn, String callNoticeTitle,
        String callNoticeUrl, Integer callWorkingDays, String materialCode, String materialNameZh,
        String materialNameEn, String materialKind) {

    /**
     * Selects services with their materials, in service order and then material position, and for a
     * per-call service the call in force on {@code :today}: the latest one opened by then (open or
     * already closed; a call not yet opened is not in force).
     */
    static final String SELECT = """
            select s.code, s.sort_order, s.name_zh, s.name_en, s.eligibility, s.handling,
                   s.handoff_system_zh, s.handoff_system_en, s.handoff_url,
                   s.time_limit_kind, s.working_days,
                   c.opens_on as call_opens_on, c.closes_on as call_closes_on, c.notice_title as call_notice_title,
                   c.notice_url as call_notice_url, c.working_days as call_working_days,
                   m.code as material_code, m.name_zh as material_name_zh, m.name_en as material_name_en,
                   m.kind as material_kind
              from catalogue_service s
              left join lateral (select * from catalogue_call cc where cc.service_code = s.code
                                    and cc.opens_on <= :today order by cc.opens_on desc limit 1) c on true
              left join catalogue_service_material sm on sm.service_code = s.code
              left join catalogue_material m on m.code = sm.material_code
            """;

    static final String ORDER = " order by s.sort_order, sm.position";

    /**
     * Groups rows, ordered by service, into services.
     *
     * @param rows  rows in service order and material position
     * @param today the day the rows were read for (China time): whether each call is open
     * @return the services, in order
     */
    static List<TalentService> toServices(List<CatalogueRow> rows, LocalDate today) {
        Map<String, List<CatalogueRow>> byService = new LinkedHashMap<>();
        for (CatalogueRow row : rows) {
            byService.computeIfAbsent(row.code(), c -> new ArrayList<>()).add(row);
        }
        return byService.values().stream().map(r -> toService(r, today)).toList();
    }

    private static TalentService toService(List<CatalogueRow> rows, LocalDate today) {
        CatalogueRow s = rows.get(0);
        List<MaterialRequirement> materials = rows.stream()
                .filter(r -> r.materialCode() != null)
                .map(CatalogueRow::toRequirement)
                .toList();
        return new TalentService(s.code(), s.sortOrder(), s.nameZh(), s.nameEn(), enumValue(Eligibility.class,
                s.eligibility()), s.toHandling(), s.toTimeLimit(today), materials);
    }

    private Handling toHandling() {
        return switch (handling) {
            case "local" -> Handling.local();
            case "handed_off" -> Handling.handedOff(handoffSystemZh, handoffSystemEn, URI.create(handoffUrl));
            default -> throw new IllegalStateException("unknown handling in catalogue: " + handling);
        };
    }

    private TimeLimit toTimeLimit(LocalDate today) {
        return switch (timeLimitKind) {
            case "per_year_call" -> TimeLimit.perYearCall(callOpensOn == null ? null : new Call(callOpensOn,
                    callClosesOn, callNoticeTitle, callNoticeUrl == null ? null : URI.create(callNoticeUrl),
                    callWorkingDays), today);
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
