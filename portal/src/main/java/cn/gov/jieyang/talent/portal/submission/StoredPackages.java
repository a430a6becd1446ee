package cn.gov.jieyang.talent.portal.submission;

import cn.gov.jieyang.talent.portal.audit.PackagesOnRecord;
import cn.gov.jieyang.talent.portal.profile.Profiles;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored package versions as the auditor's pages find them ({@link PackagesOnRecord}). An applicant
 * given by ID number is found through the real-name records' keyed lookup hash ({@link Profiles}), never
 * by opening sealed numbers; the list carries only the masked number. Pages are keyset pages over
 * (signed_at, id), backed by the index of V16, so the hundredth page costs what the first does.
 */
@Repository
class StoredPackages implements PackagesOnRecord {

    private static final String SELECT = """
            select p.id, a.id as application_id, a.reference, p.package_version, p.package_sha256, p.signed_at,
                   (select string_agg(c.service_code, ',' order by s.sort_order) from application_case c
                      join catalogue_service s on s.code = c.service_code where c.application_id = a.id) as services,
                   pr.name, coalesce(pr.id_number_masked, pr.usci) as applicant_id
            from submission_package p
            join application a on a.id = p.application_id
            join applicant_profile pr on pr.subject = a.applicant_subject
            """;

    private final JdbcClient jdbc;
    private final Profiles profiles;

    StoredPackages(JdbcClient jdbc, Profiles profiles) {
        this.jdbc = jdbc;
        this.profiles = profiles;
    }

    @Override
    public Optional<PackageOnRecord> findBySha256(String sha256) {
        return jdbc.sql("select a.id, a.reference, p.package_version from submission_package p "
                        + "join application a on a.id = p.application_id where p.package_sha256 = ?")
                .param(sha256)
                .query((rs, n) -> new PackageOnRecord(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3)))
                .optional();
    }

    @Override
    public Optional<StoredPackage> find(UUID applicationId, int version) {
        return jdbc.sql(SELECT + " where p.application_id = ? and p.package_version = ?")
                .params(applicationId, version).query(StoredPackages::row).optional();
    }

    @Override
    public List<StoredPackage> search(PackageQuery query) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (query.reference() != null) {
            where.add("a.reference = :reference");
            params.put("reference", query.reference());
        }
        if (query.serviceCode() != null) {
            where.add("exists (select 1 from application_case c where c.application_id = a.id "
                    + "and c.service_code = :service)");
            params.put("service", query.serviceCode());
        }
        if (query.signedFrom() != null) {
            where.add("p.signed_at >= :from");
            params.put("from", Timestamp.from(query.signedFrom()));
        }
        if (query.signedBefore() != null) {
            where.add("p.signed_at < :before");
            params.put("before", Timestamp.from(query.signedBefore()));
        }
        if (query.applicantId() != null) {
            List<String> subjects = profiles.subjectsWithIdNumber(query.applicantId());
            if (subjects.isEmpty()) {
                return List.of();
            }
            where.add("a.applicant_subject in (:subjects)");
            params.put("subjects", subjects);
        }
        if (query.applicantUsci() != null) {
            where.add("pr.usci = :usci");
            params.put("usci", query.applicantUsci());
        }
        if (query.applicantName() != null) {
            where.add("pr.name = :name");
            params.put("name", query.applicantName());
        }
        if (query.after() != null) {
            where.add("(p.signed_at, p.id) < (select k.signed_at, k.id from submission_package k where k.id = :after)");
            params.put("after", query.after());
        }
        String sql = SELECT + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by p.signed_at desc, p.id desc limit :limit";
        params.put("limit", query.limit());
        return jdbc.sql(sql).params(params).query(StoredPackages::row).list();
    }

    private static StoredPackage row(ResultSet rs, int n) throws SQLException {
        String services = rs.getString("services");
        return new StoredPackage(rs.getObject("id", UUID.class),
                new PackageOnRecord(rs.getObject("application_id", UUID.class), rs.getString("reference"),
                        rs.getInt("package_version")),
                rs.getString("package_sha256"), rs.getTimestamp("signed_at").toInstant(),
                services == null ? List.of() : Arrays.asList(services.split(",")),
                rs.getString("name"), rs.getString("applicant_id"));
    }
}
