package cn.gov.jieyang.talent.portal.matters;

import cn.gov.jieyang.talent.portal.cases.CaseState;
import cn.gov.jieyang.talent.portal.catalogue.TalentService;
import cn.gov.jieyang.talent.portal.deadlines.Deadline;
import cn.gov.jieyang.talent.portal.deadlines.Deadlines;
import cn.gov.jieyang.talent.portal.matters.MatterViews.Application;
import cn.gov.jieyang.talent.portal.matters.MatterViews.ApplicationSummary;
import cn.gov.jieyang.talent.portal.matters.MatterViews.CaseDetail;
import cn.gov.jieyang.talent.portal.matters.MatterViews.CaseSummary;
import cn.gov.jieyang.talent.portal.matters.MatterViews.PackageVersion;
import cn.gov.jieyang.talent.portal.web.ChinaTime;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads one applicant's applications. Every query is bounded by the applicant's subject, so an
 * application of someone else is simply not found.
 */
@Component
class MattersQueries {

    /** More applications than anyone plausibly has; a bound so a page never grows without limit. */
    static final int LIST_LIMIT = 200;

    private final JdbcClient jdbc;
    private final Deadlines deadlines;

    MattersQueries(JdbcClient jdbc, Deadlines deadlines) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
    }

    /** The applicant's applications, submitted and drafts, newest first. */
    List<ApplicationSummary> applications(String subject, Map<String, TalentService> services) {
        record CaseRow(UUID applicationId, String serviceCode, CaseState state) {
        }
        Map<UUID, List<CaseSummary>> cases = jdbc.sql("select c.application_id, c.service_code, c.state "
                        + "from application_case c join application a on a.id = c.application_id "
                        + "join catalogue_service s on s.code = c.service_code "
                        + "where a.applicant_subject = ? order by s.sort_order")
                .param(subject)
                .query((rs, i) -> new CaseRow(rs.getObject(1, UUID.class), rs.getString(2), CaseState.of(rs.getString(3))))
                .list()
                .stream()
                .collect(Collectors.groupingBy(CaseRow::applicationId, Collectors.mapping(r -> {
                    TalentService s = services.get(r.serviceCode());
                    return new CaseSummary(r.serviceCode(), s.nameZh(), s.nameEn(), r.state());
                }, Collectors.toList())));
        return jdbc.sql("select id, reference, status, created_at, submitted_at from application "
                        + "where applicant_subject = ? order by coalesce(submitted_at, created_at) desc, reference limit ?")
                .params(subject, LIST_LIMIT)
                .query((rs, i) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new ApplicationSummary(id, rs.getString("reference"), "draft".equals(rs.getString("status")),
                            china(rs.getTimestamp("created_at")), china(rs.getTimestamp("submitted_at")),
                            cases.getOrDefault(id, List.of()));
                })
                .list();
    }

    /** One application of this applicant, or empty (also when it is someone else's). */
    Optional<Application> application(UUID id, String subject) {
        return jdbc.sql("select id, reference, status, submitted_at from application where id = ? and applicant_subject = ?")
                .params(id, subject)
                .query((rs, i) -> new Application(rs.getObject("id", UUID.class), rs.getString("reference"),
                        "draft".equals(rs.getString("status")), china(rs.getTimestamp("submitted_at"))))
                .optional();
    }

    /** The application's cases in the catalogue's order (the caller has checked ownership). */
    List<CaseDetail> cases(UUID applicationId, Map<String, TalentService> services) {
        Deadline.Bounds today = deadlines.bounds();
        return jdbc.sql("select c.service_code, c.state, c.return_reason, c.handoff_reference, c.accepted_at, c.due_on "
                        + "from application_case c join catalogue_service s on s.code = c.service_code "
                        + "where c.application_id = ? order by s.sort_order")
                .param(applicationId)
                .query((rs, i) -> {
                    CaseState state = CaseState.of(rs.getString("state"));
                    return new CaseDetail(services.get(rs.getString("service_code")), state,
                            rs.getString("return_reason"), rs.getString("handoff_reference"),
                            china(rs.getTimestamp("accepted_at")), today.of(state, rs.getObject("due_on", LocalDate.class)));
                })
                .list();
    }

    List<PackageVersion> packages(UUID applicationId) {
        return jdbc.sql("select package_version, signed_at from submission_package where application_id = ? "
                        + "order by package_version")
                .param(applicationId)
                .query((rs, i) -> new PackageVersion(rs.getInt(1), china(rs.getTimestamp(2)))).list();
    }

    private static LocalDateTime china(Timestamp at) {
        return at == null ? null : ChinaTime.localDateTime(at.toInstant());
    }
}
