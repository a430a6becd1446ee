package cn.gov.jieyang.talent.portal.profile;

import static cn.gov.jieyang.talent.portal.profile.TestProfiles.RESIDENT_ID;
import static cn.gov.jieyang.talent.portal.profile.TestProfiles.faceLogin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import cn.gov.jieyang.talent.portal.PortalTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Creating and changing a real-name record are in the audit chain (issue 10, item 5): measured on main,
 * neither left any event. The events say what changed, never the values (an ID number, a phone number).
 */
@PortalTest
class RealNameRecordAuditTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void creatingAndChangingTheRecordAreAuditedWithoutItsPersonalData() throws Exception {
        String subject = "p-audit-" + UUID.randomUUID();
        mvc.perform(post("/profile").with(faceLogin(subject, "张三", RESIDENT_ID)).with(csrf())
                        .param("phone", "13800138000").param("consent", "true"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(post("/profile").with(faceLogin(subject, "张三", RESIDENT_ID)).with(csrf())
                        .param("phone", "+85291234567"))
                .andExpect(redirectedUrl("/profile"));

        List<String> events = jdbc.sql("select event_type || ' ' || actor_role || ' ' || detail from audit_event "
                        + "where actor_subject = ? order by seq").param(subject).query(String.class).list();
        assertThat(events).containsExactly(
                "RealNameRecordCreated applicant subjectType=individual; verification=face_verified; idType=resident_id",
                "RealNameRecordChanged applicant changed=phone");
        assertThat(String.join("\n", events)).doesNotContain(RESIDENT_ID, "13800138000", "85291234567", "张三");
    }
}
