package cn.gov.jieyang.talent.portal.application;

import cn.gov.jieyang.talent.portal.cases.CaseState;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The application tables of V3 as this feature reads and writes them; cases are written by the cases
 * feature only ({@code Cases}). Every read of an application takes the owner's subject: a row of
 * another applicant is simply not found.
 */
@Repository
class DraftRepository {

    private final JdbcClient jdbc;

    DraftRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The application row with its owner's subject type (from the profile). */
    record Head(UUID id, String reference, String applicantSubject, String status, Instant createdAt,
            Instant updatedAt, String subjectType) {
    }

    private static final String HEAD = """
            select a.id, a.reference, a.applicant_subject, a.status, a.created_at, a.updated_at, p.subject_type
              from application a join applicant_profile p on p.subject = a.applicant_subject
            """;

    Optional<Head> head(UUID id, String subject, boolean lock) {
        return jdbc.sql(HEAD + " where a.id = ? and a.applicant_subject = ?" + (lock ? " for update of a" : ""))
                .params(id, subject).query(Head.class).optional();
    }

    List<Head> drafts(String subject) {
        return jdbc.sql(HEAD + " where a.applicant_subject = ? and a.status = 'draft' order by a.updated_at desc limit 100")
                .params(subject).query(Head.class).list();
    }

    Optional<String> subjectTypeOf(String subject) {
        return jdbc.sql("select subject_type from applicant_profile where subject = ?").param(subject)
                .query(String.class).optional();
    }

    boolean referenceTaken(String reference) {
        return jdbc.sql("select count(*) from application where reference = ?").param(reference)
                .query(Integer.class).single() > 0;
    }

    void insertApplication(UUID id, String reference, String subject, Instant now) {
        jdbc.sql("insert into application (id, reference, applicant_subject, status, created_at, updated_at) "
                        + "values (?, ?, ?, 'draft', ?, ?)")
                .params(id, reference, subject, ts(now), ts(now)).update();
    }

    /** Records a change: bumps updated_at and the row version (shown in history; submission locks the row itself). */
    void touch(UUID id, Instant now) {
        jdbc.sql("update application set updated_at = ?, version = version + 1 where id = ?")
                .params(ts(now), id).update();
    }

    List<DraftCase> cases(UUID applicationId) {
        return jdbc.sql("select id, service_code, state from application_case where application_id = ?")
                .param(applicationId)
                .query((rs, n) -> new DraftCase(rs.getObject(1, UUID.class), rs.getString(2),
                        CaseState.of(rs.getString(3))))
                .list();
    }

    Map<UUID, String> caseServices(UUID applicationId) {
        return jdbc.sql("select id, service_code from application_case where application_id = ?").param(applicationId)
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Field code → value in field-code order (the reviewer's page lists them in this order). */
    Map<String, String> answers(UUID applicationId) {
        Map<String, String> answers = new LinkedHashMap<>();
        jdbc.sql("select field_code, value from application_answer where application_id = ? order by field_code")
                .param(applicationId)
                .query((ResultSet rs) -> {
                    answers.put(rs.getString(1), rs.getString(2));
                });
        return Collections.unmodifiableMap(answers);
    }

    void saveAnswer(UUID applicationId, String fieldCode, String value) {
        jdbc.sql("insert into application_answer (application_id, field_code, value) values (?, ?, ?) "
                        + "on conflict (application_id, field_code) do update set value = excluded.value")
                .params(applicationId, fieldCode, value).update();
    }

    void deleteAnswersExcept(UUID applicationId, Collection<String> keep) {
        if (keep.isEmpty()) {
            jdbc.sql("delete from application_answer where application_id = ?").param(applicationId).update();
        } else {
            jdbc.sql("delete from application_answer where application_id = :id and field_code not in (:keep)")
                    .param("id", applicationId).param("keep", List.copyOf(keep)).update();
        }
    }

    List<MaterialFile> files(UUID applicationId) {
        return jdbc.sql("""
                        select m.id, m.material_code, m.file_sha256 as sha256, m.file_name, f.size_bytes,
                               f.media_type, m.uploaded_at
                          from application_material m join stored_file f on f.sha256 = m.file_sha256
                         where m.application_id = ? order by m.uploaded_at, m.id
                        """)
                .param(applicationId).query(MaterialFile.class).list();
    }

    void insertFile(UUID fileId, UUID applicationId, String materialCode, String sha256, String fileName, Instant now) {
        jdbc.sql("insert into application_material (id, application_id, material_code, file_sha256, file_name, "
                        + "uploaded_at) values (?, ?, ?, ?, ?, ?)")
                .params(fileId, applicationId, materialCode, sha256, fileName, ts(now)).update();
    }

    void deleteFile(UUID applicationId, UUID fileId) {
        jdbc.sql("delete from application_material where application_id = ? and id = ?")
                .params(applicationId, fileId).update();
    }

    void deleteFilesOf(UUID applicationId, Collection<String> materialCodes) {
        if (!materialCodes.isEmpty()) {
            jdbc.sql("delete from application_material where application_id = :id and material_code in (:codes)")
                    .param("id", applicationId).param("codes", List.copyOf(materialCodes)).update();
        }
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
