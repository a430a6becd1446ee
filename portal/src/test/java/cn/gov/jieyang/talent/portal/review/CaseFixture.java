package cn.gov.jieyang.talent.portal.review;

import cn.gov.jieyang.talent.portal.audit.AuditEntry;
import cn.gov.jieyang.talent.portal.audit.AuditLog;
import cn.gov.jieyang.talent.portal.storage.ContentStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Builds applicants, applications and cases with plain SQL, as the draft and submission features
 * would leave them (those features are built in parallel, so tests here do not go through them).
 * Every call makes fresh subjects and references: the test database is shared by all test classes.
 */
public final class CaseFixture {

    /** Services handed off to provincial systems (catalogue services 3–7). */
    static final Set<String> HANDED_OFF = Set.of("title-review", "skill-appraisal", "first-title-recognition",
            "title-re-review", "title-certificate-reissue");

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ContentStore store;

    /**
     * A fixture over the test database.
     *
     * @param jdbc  the database
     * @param audit the audit log (submissions are recorded like the submission feature records them)
     * @param store the content store (package and material bytes)
     */
    public CaseFixture(JdbcClient jdbc, AuditLog audit, ContentStore store) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.store = store;
    }

    /**
     * A declared individual's profile with a fresh subject.
     *
     * @param prefix readable part of the subject
     * @param name   the person's name
     * @return the subject
     */
    public String applicant(String prefix, String name) {
        String subject = prefix + "-" + UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("insert into applicant_profile (subject, subject_type, verification, name, id_type, id_number_cipher, "
                        + "id_number_hash, id_number_masked, consent_text_version, consented_at, created_at, updated_at) "
                        + "values (?, 'individual', 'face_verified', ?, 'resident_id', ?, ?, '4452**********123X', "
                        + "'v1', ?, ?, ?)")
                .params(subject, name, new byte[] {1, 2, 3}, new byte[] {4, 5, 6}, now, now, now).update();
        return subject;
    }

    /**
     * A submitted application: local services' cases pending, handed-off ones handed off with a
     * reference; package version 1 signed; an ApplicationSubmitted event in the audit chain.
     *
     * @param subject  the applicant
     * @param services service codes
     * @return the application
     */
    public Submitted submitted(String subject, String... services) {
        Submitted app = insertApplication(subject, "submitted", services);
        pkg(app, 1);
        audit.record(new AuditEntry(subject, AuditEntry.ActorRole.APPLICANT, "ApplicationSubmitted", app.id(), null,
                app.reference()));
        return app;
    }

    /**
     * A draft application whose cases are drafts.
     *
     * @param subject  the applicant
     * @param services service codes
     * @return the application
     */
    public Submitted draft(String subject, String... services) {
        return insertApplication(subject, "draft", services);
    }

    /**
     * Adds a signed package version (a few bytes in the content store stand in for the ASiC-E file).
     *
     * @param app     the application
     * @param version the version
     */
    public void pkg(Submitted app, int version) {
        try {
            Path file = store.newTempFile();
            Files.writeString(file, "PK package " + app.reference() + " v" + version, StandardCharsets.UTF_8);
            String sha = store.storeFile(file, "application/vnd.etsi.asic-e+zip").sha256();
            jdbc.sql("insert into submission_package (id, application_id, package_version, package_sha256, signed_at, "
                            + "signer_subject) values (?, ?, ?, ?, ?, 'CN=Jieyang HRSS seal')")
                    .params(UUID.randomUUID(), app.id(), version, sha, Timestamp.from(Instant.now())).update();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds a material file (a tiny PDF) to the application and, as sealing does, to its latest signed
     * package version (reviewers see sealed files).
     *
     * @param app          the application
     * @param materialCode the material
     * @param fileName     the file's name as the device gave it
     * @return the sealed file's id (the draft upload's id when there is no package yet)
     */
    public UUID material(Submitted app, String materialCode, String fileName) {
        byte[] pdf = ("%PDF-1.4\n% " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        String sha = store.storeMaterial(new ByteArrayInputStream(pdf)).sha256();
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into application_material (id, application_id, material_code, file_sha256, file_name, "
                        + "uploaded_at) values (?, ?, ?, ?, ?, ?)")
                .params(id, app.id(), materialCode, sha, fileName, Timestamp.from(Instant.now())).update();
        UUID sealed = UUID.randomUUID();
        int added = jdbc.sql("insert into submission_package_file (id, package_id, position, material_code, file_sha256, "
                        + "file_name) select ?, p.id, 1 + (select count(*) from submission_package_file where "
                        + "package_id = p.id), ?, ?, ? from submission_package p where p.application_id = ? "
                        + "order by p.package_version desc limit 1")
                .params(sealed, materialCode, sha, fileName, app.id()).update();
        // A draft has no package: its file exists only as the applicant's upload.
        return added == 1 ? sealed : id;
    }

    /**
     * A service handled here whose time limit is N working days from acceptance. The seeded catalogue has
     * none (its working-day services are handed off): tests of deadlines add one and remove it after.
     *
     * @param workingDays the limit
     * @return the new service's code
     */
    public String localServiceWithWorkingDays(int workingDays) {
        String code = "fixture-working-days-" + ThreadLocalRandom.current().nextInt(1_000_000);
        int order = jdbc.sql("select max(sort_order) + 1 from catalogue_service").query(Integer.class).single();
        jdbc.sql("insert into catalogue_service (code, sort_order, name_zh, name_en, eligibility, handling, "
                        + "time_limit_kind, working_days) values (?, ?, '测试时限事项', 'Working-day fixture service', "
                        + "'individual', 'local', 'working_days', ?)")
                .params(code, order, workingDays).update();
        // Reviewed by the talent group (V15), so that reviewers of that group see it.
        jdbc.sql("insert into review_scope (role, service_code) values ('reviewer-talent', ?)").param(code).update();
        return code;
    }

    /**
     * Removes a service made by {@link #localServiceWithWorkingDays(int)} with its cases (the catalogue is
     * shared by every test class).
     *
     * @param code the service
     */
    public void removeService(String code) {
        jdbc.sql("delete from application_case where service_code = ?").param(code).update();
        jdbc.sql("delete from catalogue_service where code = ?").param(code).update();
    }

    /**
     * Sets a case's state directly (as another feature or an earlier action would have).
     *
     * @param caseId the case
     * @param state  the state
     * @param reason the return reason (required exactly when returned)
     */
    public void setState(UUID caseId, String state, String reason) {
        jdbc.sql("update application_case set state = ?, return_reason = ?, version = version + 1 where id = ?")
                .params(state, reason, caseId).update();
    }

    /**
     * Puts a case in progress as the reviewer's accept leaves it: accepted now, due on the given day.
     *
     * @param caseId the case
     * @param dueOn  its due day
     */
    public void acceptedDueOn(UUID caseId, LocalDate dueOn) {
        jdbc.sql("update application_case set state = 'in_progress', return_reason = null, accepted_at = ?, "
                        + "due_on = ?, version = version + 1 where id = ?")
                .params(Timestamp.from(Instant.now()), java.sql.Date.valueOf(dueOn), caseId).update();
    }

    /**
     * A case's current state.
     *
     * @param caseId the case
     * @return its state
     */
    public String state(UUID caseId) {
        return jdbc.sql("select state from application_case where id = ?").param(caseId).query(String.class).single();
    }

    /**
     * A case's current version (what the reviewer's page carries).
     *
     * @param caseId the case
     * @return its version
     */
    public int version(UUID caseId) {
        return jdbc.sql("select version from application_case where id = ?").param(caseId).query(Integer.class).single();
    }

    private Submitted insertApplication(String subject, String status, String... services) {
        UUID id = UUID.randomUUID();
        String reference = "JYRC-20261125-" + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36
                - 1), 36).toUpperCase(java.util.Locale.ROOT) + ThreadLocalRandom.current().nextInt(1000);
        boolean submitted = "submitted".equals(status);
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("insert into application (id, reference, applicant_subject, status, created_at, updated_at, submitted_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, reference, subject, status, now, now, submitted ? now : null).update();
        Map<String, UUID> cases = new LinkedHashMap<>();
        for (String service : services) {
            UUID caseId = UUID.randomUUID();
            boolean handedOff = HANDED_OFF.contains(service);
            String state = !submitted ? "draft" : handedOff ? "handed_off" : "pending";
            jdbc.sql("insert into application_case (id, application_id, service_code, state, handoff_reference, "
                            + "updated_at) values (?, ?, ?, ?, ?, ?)")
                    .params(caseId, id, service, state, submitted && handedOff ? "GD-" + reference : null, now)
                    .update();
            cases.put(service, caseId);
        }
        return new Submitted(id, reference, subject, Map.copyOf(cases));
    }

    /**
     * An application made by the fixture.
     *
     * @param id        its id
     * @param reference its reference
     * @param subject   its applicant
     * @param cases     service code → case id
     */
    public record Submitted(UUID id, String reference, String subject, Map<String, UUID> cases) {

        /**
         * The case of a service.
         *
         * @param service the service code
         * @return the case id
         */
        public UUID caseOf(String service) {
            return cases.get(service);
        }
    }
}
