package cn.gov.jieyang.talent.portal.profile;

import static cn.gov.jieyang.talent.portal.profile.TestProfiles.RESIDENT_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.jieyang.talent.embeddedpg.EmbeddedPostgresAutoConfiguration;
import cn.gov.jieyang.talent.identity.IdNumber;
import cn.gov.jieyang.talent.portal.web.PortalProblem;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import cn.gov.jieyang.talent.portal.audit.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link Profiles} and its SQL against a real PostgreSQL migrated by Flyway (V3's applicant_profile):
 * what is stored, in what form, and what the table's constraints refuse. Each test is rolled back.
 */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ImportAutoConfiguration(EmbeddedPostgresAutoConfiguration.class)
@Import({Profiles.class, ProfileRepository.class, IdentityKeyConfig.class, AuditLog.class})
class ProfilesDatabaseTest {

    @Autowired
    Profiles profiles;

    @Autowired
    JdbcClient jdbc;

    @Test
    void storesTheIdNumberOnlyEncryptedAndMasked() {
        TestProfiles.declaredIndividual(profiles, "u-db-1", "王五");

        byte[] cipher = jdbc.sql("select id_number_cipher from applicant_profile where subject = 'u-db-1'")
                .query(byte[].class).single();
        String wholeRow = jdbc.sql("select t::text from applicant_profile t where subject = 'u-db-1'")
                .query(String.class).single();

        assertThat(new String(cipher, StandardCharsets.ISO_8859_1)).doesNotContain("19851231").doesNotContain(RESIDENT_ID);
        // bytea prints as hex in the row's text: neither the digits nor their hex may appear
        String hexOfDigits = HexFormat.of().formatHex("19851231".getBytes(StandardCharsets.US_ASCII));
        assertThat(wholeRow).doesNotContain(RESIDENT_ID).doesNotContain("19851231").doesNotContain(hexOfDigits)
                .contains("4452**********123X");
    }

    @Test
    void findsSubjectsByTheKeyedLookupHashAndRevealsTheNumberOnlyOnRequest() {
        TestProfiles.declaredIndividual(profiles, "u-db-2", "王五");
        TestProfiles.faceVerifiedIndividual(profiles, "p-db-2", "王五", RESIDENT_ID);
        TestProfiles.faceVerifiedIndividual(profiles, "p-db-3", "赵六", "11010519491231002X");

        assertThat(profiles.subjectsWithIdNumber(IdNumber.residentId(RESIDENT_ID.toLowerCase())))
                .containsExactly("p-db-2", "u-db-2");
        assertThat(profiles.revealIdNumber("p-db-3")).map(IdNumber::value).contains("11010519491231002X");
        assertThat(profiles.find("p-db-3").orElseThrow().idNumberMasked()).isEqualTo("1101**********002X");
    }

    @Test
    void readsBackWhatWasStored() {
        ApplicantProfile stored = TestProfiles.enterprise(profiles, "e-db-1", "揭阳某科技有限公司", TestProfiles.USCI);

        assertThat(profiles.find("e-db-1")).contains(stored);
        assertThat(stored.identifierForDisplay()).isEqualTo(TestProfiles.USCI);
        assertThat(stored.contactName()).isEqualTo("李联系");
        assertThat(stored.consentTextVersion()).isEqualTo(Consent.CURRENT_VERSION);
        assertThat(profiles.find("nobody")).isEmpty();
        assertThat(profiles.exists("nobody")).isFalse();
    }

    @Test
    void refusesASecondRecordForOneSubject() {
        TestProfiles.declaredIndividual(profiles, "u-db-4", "王五");

        assertThatThrownBy(() -> TestProfiles.declaredIndividual(profiles, "u-db-4", "别人"))
                .isInstanceOf(PortalProblem.class).hasMessage("profile.exists");
        assertThat(profiles.find("u-db-4").orElseThrow().name()).isEqualTo("王五");
    }

    @Test
    void changesOnlyTheContactDetails() {
        TestProfiles.declaredIndividual(profiles, "u-db-5", "王五");

        profiles.updateContact("u-db-5", "ignored for individuals", "13900139000");

        ApplicantProfile changed = profiles.find("u-db-5").orElseThrow();
        assertThat(changed.phone()).isEqualTo("13900139000");
        assertThat(changed.contactName()).isNull();
        assertThat(changed.name()).isEqualTo("王五");
        assertThatThrownBy(() -> profiles.updateContact("nobody", null, "13900139000"))
                .isInstanceOf(PortalProblem.class).hasMessage("profile.not-found");
    }

    @Test
    void theTableRefusesAnIndividualWithoutAnIdNumber() {
        // The V3 check constraint is the last line of defence if code ever skipped the ID.
        assertThatThrownBy(() -> jdbc.sql("""
                        insert into applicant_profile (subject, subject_type, verification, name, phone,
                            consent_text_version, consented_at, created_at, updated_at)
                        values ('u-db-6', 'individual', 'declared', '王五', '13800138000', 'v', now(), now(), now())""")
                .update()).isInstanceOf(DataIntegrityViolationException.class);
    }
}
