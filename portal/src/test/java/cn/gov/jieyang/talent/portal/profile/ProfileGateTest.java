package cn.gov.jieyang.talent.portal.profile;

import static cn.gov.jieyang.talent.portal.login.TestLogins.auditor;
import static cn.gov.jieyang.talent.portal.login.TestLogins.passwordIndividual;
import static cn.gov.jieyang.talent.portal.login.TestLogins.reviewer;
import static cn.gov.jieyang.talent.portal.profile.TestProfiles.RESIDENT_ID;
import static cn.gov.jieyang.talent.portal.profile.TestProfiles.faceLogin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jieyang.talent.portal.PortalTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Who must create a record first, who never does, and that each person sees only their own. */
@PortalTest
class ProfileGateTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Profiles profiles;

    @Test
    void sendsAnApplicantWithoutARecordToTheProfileFirst() throws Exception {
        String subject = "p-gate-" + UUID.randomUUID();

        mvc.perform(get("/").with(passwordIndividual(subject, "王五")))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/profile"));
        mvc.perform(get("/matters").with(faceLogin(subject, "张三", RESIDENT_ID)))
                .andExpect(redirectedUrl("/profile"));
        // what the profile page itself needs stays open
        mvc.perform(get("/css/portal.css").with(passwordIndividual(subject, "王五")))
                .andExpect(status().isOk());
        mvc.perform(get("/profile").with(passwordIndividual(subject, "王五")))
                .andExpect(status().isOk());
    }

    @Test
    void letsAnApplicantWithARecordThroughAndShowsItOnTheHomePage() throws Exception {
        String subject = "p-gate-" + UUID.randomUUID();
        TestProfiles.faceVerifiedIndividual(profiles, subject, "张三", RESIDENT_ID);

        mvc.perform(get("/").with(faceLogin(subject, "张三", RESIDENT_ID)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"greeting\""),
                        containsString("id=\"profile-card\""),
                        containsString("<span id=\"profile-card-badge\" class=\"badge verified\">已通过粤信签核验</span>"),
                        containsString(TestProfiles.RESIDENT_ID_MASKED), not(containsString(RESIDENT_ID)))));
    }

    @Test
    void neverGatesStaff() throws Exception {
        mvc.perform(get("/").with(reviewer("r-gate-" + UUID.randomUUID())))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"profile-card\""))));
        mvc.perform(get("/").with(auditor("a-gate-" + UUID.randomUUID())))
                .andExpect(status().isOk());
        // Not sent to /profile, and not let in there either: staff have no record (StaffHomeTest).
        mvc.perform(get("/profile").with(reviewer("r-gate-" + UUID.randomUUID())))
                .andExpect(status().isForbidden());
    }

    @Test
    void refusesAPostWithoutCsrfToken() throws Exception {
        String subject = "p-gate-" + UUID.randomUUID();

        mvc.perform(post("/profile").with(passwordIndividual(subject, "王五"))
                        .param("name", "王五").param("idType", "resident_id").param("idNumber", RESIDENT_ID)
                        .param("phone", "13800138000").param("consent", "true"))
                .andExpect(status().isForbidden());

        assertThat(profiles.exists(subject)).isFalse();
    }

    @Test
    void showsEachApplicantOnlyTheirOwnRecord() throws Exception {
        String mine = "p-gate-" + UUID.randomUUID();
        String theirs = "p-gate-" + UUID.randomUUID();
        TestProfiles.declaredIndividual(profiles, mine, "甲自己");
        TestProfiles.declaredIndividual(profiles, theirs, "乙别人");

        mvc.perform(get("/profile").param("subject", theirs).with(passwordIndividual(mine, "甲自己")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("甲自己"), not(containsString("乙别人")))));
        mvc.perform(get("/").with(passwordIndividual(mine, "甲自己")))
                .andExpect(content().string(not(containsString("乙别人"))));
        // a "subject" smuggled into the post changes nothing of anyone else's
        mvc.perform(post("/profile").with(passwordIndividual(mine, "甲自己")).with(csrf())
                        .param("subject", theirs).param("phone", "13700137000"))
                .andExpect(redirectedUrl("/profile"));

        assertThat(profiles.find(theirs).orElseThrow().phone()).isEqualTo("13800138000");
        assertThat(profiles.find(mine).orElseThrow().phone()).isEqualTo("13700137000");
    }
}
