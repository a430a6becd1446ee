package cn.gov.jieyang.talent.portal.submission;

import cn.gov.jieyang.talent.portal.cases.CaseState;
import cn.gov.jieyang.talent.portal.sealing.MaterialFile;
import cn.gov.jieyang.talent.portal.sealing.SealedPackage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rows submission reads and writes (tables of V3__applications.sql). Every update bumps the row's
 * {@code version}, so a concurrent optimistic-locking save elsewhere fails instead of overwriting.
 */
@Repository
class SubmissionRecords {

    private static final String APPLICATION = "select id, reference, applicant_subject, status, submitted_at, version from application";

    private final JdbcClient jdbc;

    SubmissionRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code version} changes with every change of the draft (services, answers, files): see DraftRepository.touch. */
    record ApplicationRow(UUID id, String reference, String applicantSubject, String status, Instant submittedAt,
            int version) {
        boolean isDraft() {
            return "draft".equals(status);
        }
    }

    record CaseRow(UUID id, String serviceCode, CaseState state, String returnReason, String handoffReference) {
    }

    record MaterialRow(String materialCode, String sha256, String fileName, String mediaType, long sizeBytes) {
    }

    record PackageRow(int version, String sha256, long sizeBytes, Instant signedAt, String signerSubject) {
    }

    record ProfileRow(String subjectType, String verification, String name, String idNumberMasked, String usci) {
    }

    /** Locks the owner's application row until the transaction ends; another person's id finds nothing. */
    Optional<ApplicationRow> lockOwned(UUID id, String subject) {
        return jdbc.sql(APPLICATION + " where id = ? and applicant_subject = ? for update")
                .params(id, subject).query(SubmissionRecords::application).optional();
    }

    /** The owner's application as it is now, without locking it. */
    Optional<ApplicationRow> findOwned(UUID id, String subject) {
        return jdbc.sql(APPLICATION + " where id = ? and applicant_subject = ?")
                .params(id, subject).query(SubmissionRecords::application).optional();
    }

    Optional<ApplicationRow> find(UUID id) {
        return jdbc.sql(APPLICATION + " where id = ?").param(id).query(SubmissionRecords::application).optional();
    }

    List<CaseRow> cases(UUID applicationId) {
        return jdbc.sql("select c.id, c.service_code, c.state, c.return_reason, c.handoff_reference "
                        + "from application_case c join catalogue_service s on s.code = c.service_code "
                        + "where c.application_id = ? order by s.sort_order")
                .param(applicationId)
                .query((rs, n) -> new CaseRow(rs.getObject(1, UUID.class), rs.getString(2),
                        CaseState.of(rs.getString(3)), rs.getString(4), rs.getString(5)))
                .list();
    }

    List<MaterialRow> materials(UUID applicationId) {
        return jdbc.sql("select m.material_code, m.file_sha256, m.file_name, f.media_type, f.size_bytes "
                        + "from application_material m join stored_file f on f.sha256 = m.file_sha256 "
                        + "where m.application_id = ? order by m.material_code, m.uploaded_at, m.file_sha256")
                .param(applicationId)
                .query((rs, n) -> new MaterialRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5)))
                .list();
    }

    ProfileRow profile(String subject) {
        return jdbc.sql("select subject_type, verification, name, id_number_masked, usci from applicant_profile "
                        + "where subject = ?")
                .param(subject)
                .query((rs, n) -> new ProfileRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .single();
    }

    int latestPackageVersion(UUID applicationId) {
        return jdbc.sql("select coalesce(max(package_version), 0) from submission_package where application_id = ?")
                .param(applicationId).query(Integer.class).single();
    }

    List<PackageRow> packages(UUID applicationId) {
        return jdbc.sql(PACKAGE + " where p.application_id = ? order by p.package_version desc")
                .param(applicationId).query(SubmissionRecords::packageRow).list();
    }

    Optional<PackageRow> findPackage(UUID applicationId, int version) {
        return jdbc.sql(PACKAGE + " where p.application_id = ? and p.package_version = ?")
                .params(applicationId, version).query(SubmissionRecords::packageRow).optional();
    }

    private static final String PACKAGE = "select p.package_version, p.package_sha256, f.size_bytes, p.signed_at, "
            + "p.signer_subject from submission_package p join stored_file f on f.sha256 = p.package_sha256";

    /** The package version and, in the order sealed, the files it holds (what reviewers then read). */
    void insertPackage(UUID applicationId, int version, SealedPackage sealed, List<MaterialFile> files) {
        UUID packageId = UUID.randomUUID();
        jdbc.sql("insert into submission_package (id, application_id, package_version, package_sha256, signed_at, "
                        + "signer_subject) values (?, ?, ?, ?, ?, ?)")
                .params(packageId, applicationId, version, sealed.sha256(), Timestamp.from(sealed.signedAt()),
                        sealed.signerSubject())
                .update();
        int position = 0;
        for (MaterialFile file : files) {
            jdbc.sql("insert into submission_package_file (id, package_id, position, material_code, file_sha256, "
                            + "file_name) values (?, ?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID(), packageId, ++position, file.materialCode(), file.sha256(),
                            file.fileName())
                    .update();
        }
    }

    void markSubmitted(UUID applicationId, Instant at) {
        jdbc.sql("update application set status = 'submitted', submitted_at = ?, updated_at = ?, version = version + 1 "
                        + "where id = ? and status = 'draft'")
                .params(Timestamp.from(at), Timestamp.from(at), applicationId).update();
    }

    void touch(UUID applicationId, Instant at) {
        jdbc.sql("update application set updated_at = ?, version = version + 1 where id = ?")
                .params(Timestamp.from(at), applicationId).update();
    }

    private static ApplicationRow application(ResultSet rs, int n) throws SQLException {
        Timestamp submitted = rs.getTimestamp("submitted_at");
        return new ApplicationRow(rs.getObject("id", UUID.class), rs.getString("reference"),
                rs.getString("applicant_subject"), rs.getString("status"),
                submitted == null ? null : submitted.toInstant(), rs.getInt("version"));
    }

    private static PackageRow packageRow(ResultSet rs, int n) throws SQLException {
        return new PackageRow(rs.getInt(1), rs.getString(2), rs.getLong(3), rs.getTimestamp(4).toInstant(),
                rs.getString(5));
    }
}
