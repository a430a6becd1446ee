package cn.gov.jieyang.talent.portal.review;

import cn.gov.jieyang.talent.portal.cases.CaseState;
import cn.gov.jieyang.talent.portal.catalogue.SubjectType;
import cn.gov.jieyang.talent.portal.deadlines.Deadline;
import cn.gov.jieyang.talent.portal.web.ChinaTime;
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
 * What the reviewer pages read. Other features own these tables (profiles, materials, packages);
 * this reads them with plain SQL and writes none of them. Answers and case services come from the
 * application feature's own read API instead ({@code Applications}).
 */
@Component
class ReviewQueries {

    private final JdbcClient jdbc;

    ReviewQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Case counts of submitted applications (every case but drafts): service code → state → count. */
    Map<String, Map<CaseState, Long>> counts() {
        record Count(String serviceCode, CaseState state, long n) {
        }
        return jdbc.sql("select service_code, state, count(*) as n from application_case where state <> ? "
                        + "group by service_code, state")
                .param(CaseState.DRAFT.code())
                .query((rs, i) -> new Count(rs.getString(1), CaseState.of(rs.getString(2)), rs.getLong(3)))
                .list().stream()
                .collect(Collectors.groupingBy(Count::serviceCode, Collectors.toMap(Count::state, Count::n)));
    }

    /**
     * Per service, the cases in progress that are overdue and those due soon today (by the bounds
     * {@link Deadline.Bounds#of} flags with).
     */
    Map<String, DeadlineCounts> deadlineCounts(Deadline.Bounds bounds) {
        return jdbc.sql("select service_code, count(*) filter (where due_on < :today) as overdue, "
                        + "count(*) filter (where due_on >= :today and due_on <= :soon) as due_soon "
                        + "from application_case where state = :inProgress and due_on <= :soon group by service_code")
                .param("today", bounds.today())
                .param("soon", bounds.dueSoonUntil())
                .param("inProgress", CaseState.IN_PROGRESS.code())
                .query((rs, i) -> Map.entry(rs.getString(1), new DeadlineCounts(rs.getLong(2), rs.getLong(3))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    Optional<ReviewCase> reviewCase(UUID caseId) {
        return jdbc.sql(ReviewCase.SELECT + "where c.id = ?").param(caseId).query(ReviewCase::row).optional();
    }

    /** Name and verification level; the ID number only as its mask (the cipher is never read here). */
    Optional<Applicant> applicant(String subject) {
        return jdbc.sql("select name, subject_type, verification, id_number_masked, usci, contact_name "
                        + "from applicant_profile where subject = ?").param(subject)
                .query((rs, i) -> new Applicant(rs.getString("name"), rs.getString("subject_type"),
                        rs.getString("verification"), rs.getString("id_number_masked"), rs.getString("usci"),
                        rs.getString("contact_name")))
                .optional();
    }

    /**
     * The files of the application's latest signed package version that the case's service requires (its
     * own materials and the common ones): what was submitted and sealed, not the live draft rows an
     * applicant may be replacing for a returned case, nor the materials of the bundle's other services.
     */
    List<MaterialFile> materials(UUID applicationId, String serviceCode) {
        return jdbc.sql("select pf.id, pf.material_code, cm.name_zh, cm.name_en, pf.file_name, f.size_bytes, "
                        + "f.media_type from submission_package_file pf "
                        + "join submission_package p on p.id = pf.package_id "
                        + "join catalogue_material cm on cm.code = pf.material_code "
                        + "join catalogue_service_material sm on sm.material_code = pf.material_code "
                        + "and sm.service_code = ? "
                        + "join stored_file f on f.sha256 = pf.file_sha256 "
                        + "where p.application_id = ? and p.package_version = (select max(package_version) "
                        + "from submission_package where application_id = p.application_id) order by pf.position")
                .params(serviceCode, applicationId)
                .query((rs, i) -> new MaterialFile(rs.getObject("id", UUID.class), rs.getString("material_code"),
                        rs.getString("name_zh"), rs.getString("name_en"), rs.getString("file_name"),
                        rs.getLong("size_bytes"), rs.getString("media_type")))
                .list();
    }

    /**
     * A sealed file of the case's own application only (any package version), of a material the case's
     * service requires: any other id is "not found". Drafts have no packages, so nothing of a draft is ever found here.
     */
    Optional<StoredFile> materialFile(UUID caseId, UUID packageFileId) {
        return jdbc.sql("select pf.file_sha256, pf.file_name, f.media_type, f.size_bytes, p.application_id "
                        + "from submission_package_file pf "
                        + "join submission_package p on p.id = pf.package_id "
                        + "join application_case c on c.application_id = p.application_id "
                        + "join catalogue_service_material sm on sm.service_code = c.service_code "
                        + "and sm.material_code = pf.material_code "
                        + "join stored_file f on f.sha256 = pf.file_sha256 where c.id = ? and pf.id = ?")
                .params(caseId, packageFileId)
                .query((rs, i) -> new StoredFile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getObject(5, UUID.class)))
                .optional();
    }

    List<PackageVersion> packages(UUID applicationId) {
        return jdbc.sql("select package_version, signed_at from submission_package where application_id = ? "
                        + "order by package_version")
                .param(applicationId)
                .query((rs, i) -> new PackageVersion(rs.getInt(1),
                        ChinaTime.localDateTime(rs.getTimestamp(2).toInstant())))
                .list();
    }

    /** Cases in progress of one service that the pages flag. */
    record DeadlineCounts(long overdue, long dueSoon) {
    }

    record Applicant(String name, String subjectType, String verification, String idNumberMasked, String usci,
            String contactName) {

        /** The applicant's kind, for the material names it reads ({@code catalogue.MaterialNames}). */
        public SubjectType kind() {
            return SubjectType.valueOf(subjectType.toUpperCase(java.util.Locale.ROOT));
        }
    }

    record MaterialFile(UUID id, String materialCode, String nameZh, String nameEn, String fileName, long sizeBytes,
            String mediaType) {
    }

    record PackageVersion(int version, LocalDateTime signedAt) {
    }

    record StoredFile(String sha256, String fileName, String mediaType, long sizeBytes, UUID applicationId) {
    }
}
