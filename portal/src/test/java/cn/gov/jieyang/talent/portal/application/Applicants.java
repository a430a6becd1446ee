package cn.gov.jieyang.talent.portal.application;

import cn.gov.jieyang.talent.portal.login.TestLogins;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;

/**
 * Test applicants: a profile row (the profile feature's table, written here as plain SQL satisfying its
 * checks) and a matching login. Each call makes a new subject, so tests never share data.
 */
record Applicants(String subject, OidcLoginRequestPostProcessor login) {

    private static final SecureRandom RANDOM = new SecureRandom();

    static Applicants individual(JdbcClient jdbc) {
        String subject = "apply-ind-" + UUID.randomUUID();
        jdbc.sql("""
                insert into applicant_profile (subject, subject_type, verification, name, id_type, id_number_cipher,
                    id_number_hash, id_number_masked, consent_text_version, consented_at, created_at, updated_at)
                values (?, 'individual', 'declared', '张三', 'resident_id', ?, ?, '4452**********123X', 'v1', ?, ?, ?)
                """).params(subject, random(), random(), now(), now(), now()).update();
        return new Applicants(subject, TestLogins.passwordIndividual(subject, "张三"));
    }

    static Applicants enterprise(JdbcClient jdbc) {
        String subject = "apply-ent-" + UUID.randomUUID();
        // A valid code: the profile feature reads the row (Profiles.find checks it).
        String usci = cn.gov.jieyang.talent.portal.profile.TestProfiles.USCI;
        jdbc.sql("""
                insert into applicant_profile (subject, subject_type, verification, name, usci, contact_name,
                    consent_text_version, consented_at, created_at, updated_at)
                values (?, 'enterprise', 'declared', '揭阳测试科技有限公司', ?, '李四', 'v1', ?, ?, ?)
                """).params(subject, usci, now(), now(), now()).update();
        return new Applicants(subject, TestLogins.enterprise(subject, "揭阳测试科技有限公司", usci));
    }

    private static byte[] random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}
