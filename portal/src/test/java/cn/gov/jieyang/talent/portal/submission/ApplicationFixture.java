package cn.gov.jieyang.talent.portal.submission;

import cn.gov.jieyang.talent.portal.application.RequiredMaterial;
import cn.gov.jieyang.talent.portal.application.ServiceBundle;
import cn.gov.jieyang.talent.portal.catalogue.Catalogue;
import cn.gov.jieyang.talent.portal.catalogue.SubjectType;
import cn.gov.jieyang.talent.portal.catalogue.TalentService;
import cn.gov.jieyang.talent.portal.storage.ContentStore;
import cn.gov.jieyang.talent.portal.storage.StoredContent;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Builds submission test data with plain SQL (the draft pages are another feature): an applicant
 * profile, a draft application with one draft case per service, every required material as a tiny PDF
 * whose bytes are unique to this draft (so deleting one from the store never affects another test),
 * and two answers.
 */
public final class ApplicationFixture {

    private final JdbcClient jdbc;
    private final ContentStore store;
    private final Catalogue catalogue;

    /**
     * A fixture over the test database.
     *
     * @param jdbc      the database
     * @param store     the content store (material bytes)
     * @param catalogue the catalogue (the services' materials)
     */
    public ApplicationFixture(JdbcClient jdbc, ContentStore store, Catalogue catalogue) {
        this.jdbc = jdbc;
        this.store = store;
        this.catalogue = catalogue;
    }

    /**
     * A draft.
     *
     * @param id        the application
     * @param reference its reference
     * @param subject   its applicant
     * @param materials material code → the bytes given for it
     * @param sha256    material code → the stored file's SHA-256
     */
    public record Draft(UUID id, String reference, String subject, Map<String, byte[]> materials, Map<String, String> sha256) {
    }

    /**
     * A face-verified individual's draft of the given services with every required material.
     *
     * @param subject      the applicant (a profile is made if there is none)
     * @param serviceCodes the services
     * @return the draft
     */
    public Draft aDraftWith(String subject, String... serviceCodes) {
        Instant now = Instant.now();
        jdbc.sql("insert into applicant_profile (subject, subject_type, verification, name, id_type, id_number_cipher, "
                        + "id_number_hash, id_number_masked, consent_text_version, consented_at, created_at, updated_at) "
                        + "values (?, 'individual', 'face_verified', '张三', 'resident_id', ?, ?, '4452**********123X', "
                        + "'test-1', ?, ?, ?) on conflict (subject) do nothing")
                .params(subject, new byte[] {1, 2, 3}, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8),
                        Timestamp.from(now), Timestamp.from(now), Timestamp.from(now))
                .update();
        UUID id = UUID.randomUUID();
        String reference = "JYRC-T-" + id.toString().substring(0, 8).toUpperCase(Locale.ROOT);
        jdbc.sql("insert into application (id, reference, applicant_subject, status, created_at, updated_at) "
                        + "values (?, ?, ?, 'draft', ?, ?)")
                .params(id, reference, subject, Timestamp.from(now), Timestamp.from(now)).update();
        List<TalentService> services = Arrays.stream(serviceCodes).map(c -> catalogue.byCode(c).orElseThrow()).toList();
        for (TalentService s : services) {
            jdbc.sql("insert into application_case (id, application_id, service_code, state, updated_at) "
                            + "values (?, ?, ?, 'draft', ?)")
                    .params(UUID.randomUUID(), id, s.code(), Timestamp.from(now)).update();
        }
        Map<String, byte[]> materials = new LinkedHashMap<>();
        Map<String, String> hashes = new LinkedHashMap<>();
        for (RequiredMaterial r : ServiceBundle.of(SubjectType.INDIVIDUAL, services).requiredMaterials()) {
            byte[] pdf = uniquePdf();
            String sha = give(id, r.code(), pdf, r.code() + ".pdf");
            materials.put(r.code(), pdf);
            hashes.put(r.code(), sha);
        }
        // Every field the chosen services ask (catalogue_field, V5), answered by kind.
        jdbc.sql("""
                        insert into application_answer (application_id, field_code, value)
                        select distinct :id, f.code, case f.kind when 'date' then '2020-07-01' when 'number' then '5'
                                                      when 'phone' then '13800000000' else '揭阳某公司' end
                        from catalogue_field f join catalogue_service_field sf on sf.field_code = f.code
                        where sf.service_code in (:services)""")
                .param("id", id).param("services", Arrays.asList(serviceCodes)).update();
        return new Draft(id, reference, subject, materials, hashes);
    }

    /** Stores bytes and gives them for a material; returns their SHA-256. */
    String give(UUID applicationId, String materialCode, byte[] bytes, String fileName) {
        StoredContent stored = store.storeMaterial(new ByteArrayInputStream(bytes));
        jdbc.sql("insert into application_material (id, application_id, material_code, file_sha256, file_name, uploaded_at) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), applicationId, materialCode, stored.sha256(), fileName,
                        Timestamp.from(Instant.now()))
                .update();
        return stored.sha256();
    }

    /** Replaces a material's file (what the draft pages do for a returned case). */
    String replace(UUID applicationId, String materialCode, byte[] bytes) {
        jdbc.sql("delete from application_material where application_id = ? and material_code = ?")
                .params(applicationId, materialCode).update();
        return give(applicationId, materialCode, bytes, "corrected.pdf");
    }

    /** Returns a case as a reviewer would. */
    void returnCase(UUID applicationId, String serviceCode, String reason) {
        jdbc.sql("update application_case set state = 'returned', return_reason = ? "
                        + "where application_id = ? and service_code = ?")
                .params(reason, applicationId, serviceCode).update();
    }

    static byte[] uniquePdf() {
        return ("%PDF-1.4\n% " + UUID.randomUUID() + "\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
