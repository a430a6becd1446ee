package cn.gov.jieyang.talent.portal.profile;

import cn.gov.jieyang.talent.identity.IdType;
import cn.gov.jieyang.talent.identity.Usci;
import cn.gov.jieyang.talent.portal.catalogue.SubjectType;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for {@code applicant_profile} (V3). Receives ID numbers only as ciphertext, lookup hash and mask:
 * the clear number never reaches this class, so it can never reach a statement or its log.
 */
@Repository
class ProfileRepository {

    private static final String COLUMNS = """
            subject, subject_type, verification, name, id_type, id_number_masked, usci, contact_name, phone,
            consented_at, consent_text_version""";

    private final JdbcClient jdbc;

    ProfileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A sealed number with the document type it was sealed for (part of its purpose). The column is
     * {@code bytea}; it holds the sealed value's ASCII bytes.
     */
    record SealedIdNumber(IdType type, String sealed, byte[] lookupHash, String masked) {
    }

    /**
     * Inserts a record unless the subject has one already (a double submit, two tabs).
     *
     * @return whether it was inserted
     */
    boolean insert(NewProfile p, SealedIdNumber id, String consentTextVersion, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        return jdbc.sql("""
                        insert into applicant_profile (subject, subject_type, verification, name, id_type,
                            id_number_cipher, id_number_hash, id_number_masked, phone, usci, contact_name,
                            consent_text_version, consented_at, created_at, updated_at)
                        values (:subject, :subjectType, :verification, :name, :idType, :cipher, :hash, :masked,
                            :phone, :usci, :contactName, :consentVersion, :at, :at, :at)
                        on conflict (subject) do nothing""")
                .param("subject", p.subject())
                .param("subjectType", p.subjectType().name().toLowerCase(Locale.ROOT))
                .param("verification", p.verification().column())
                .param("name", p.name())
                .param("idType", id == null ? null : id.type().name().toLowerCase(Locale.ROOT))
                .param("cipher", id == null ? null : id.sealed().getBytes(StandardCharsets.US_ASCII))
                .param("hash", id == null ? null : id.lookupHash())
                .param("masked", id == null ? null : id.masked())
                .param("phone", p.phone())
                .param("usci", p.usci() == null ? null : p.usci().value())
                .param("contactName", p.contactName())
                .param("consentVersion", consentTextVersion)
                .param("at", at)
                .update() == 1;
    }

    /**
     * Changes the contact details; an individual's record keeps no contact name.
     *
     * @return whether the subject had a record
     */
    boolean updateContact(String subject, String contactName, String phone, Instant now) {
        return jdbc.sql("""
                        update applicant_profile
                        set phone = :phone,
                            contact_name = case when subject_type = 'enterprise' then :contactName else null end,
                            updated_at = :at
                        where subject = :subject""")
                .param("subject", subject)
                .param("contactName", contactName)
                .param("phone", phone)
                .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update() == 1;
    }

    Optional<ApplicantProfile> find(String subject) {
        return jdbc.sql("select " + COLUMNS + " from applicant_profile where subject = :subject")
                .param("subject", subject)
                .query(ProfileRepository::profile)
                .optional();
    }

    boolean exists(String subject) {
        return jdbc.sql("select count(*) from applicant_profile where subject = :subject")
                .param("subject", subject).query(Long.class).single() > 0;
    }

    Optional<SealedIdNumber> sealedIdNumber(String subject) {
        return jdbc.sql("""
                        select id_type, id_number_cipher, id_number_hash, id_number_masked from applicant_profile
                        where subject = :subject and id_number_cipher is not null""")
                .param("subject", subject)
                .query((rs, n) -> new SealedIdNumber(idType(rs.getString("id_type")),
                        new String(rs.getBytes("id_number_cipher"), StandardCharsets.US_ASCII),
                        rs.getBytes("id_number_hash"), rs.getString("id_number_masked")))
                .optional();
    }

    List<String> subjectsWithLookupHash(byte[] hash) {
        return jdbc.sql("select subject from applicant_profile where id_number_hash = :hash order by subject")
                .param("hash", hash).query(String.class).list();
    }

    private static ApplicantProfile profile(ResultSet rs, int row) throws SQLException {
        String usci = rs.getString("usci");
        return new ApplicantProfile(
                rs.getString("subject"),
                SubjectType.valueOf(rs.getString("subject_type").toUpperCase(Locale.ROOT)),
                Verification.fromColumn(rs.getString("verification")),
                rs.getString("name"),
                idType(rs.getString("id_type")),
                rs.getString("id_number_masked"),
                usci == null ? null : Usci.of(usci),
                rs.getString("contact_name"),
                rs.getString("phone"),
                rs.getObject("consented_at", OffsetDateTime.class).toInstant(),
                rs.getString("consent_text_version"));
    }

    private static IdType idType(String column) {
        return column == null ? null : IdType.valueOf(column.toUpperCase(Locale.ROOT));
    }
}
