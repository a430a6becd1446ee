package cn.gov.jieyang.talent.portal.profile;

import static cn.gov.jieyang.talent.portal.profile.TestProfiles.RESIDENT_ID;
import static cn.gov.jieyang.talent.portal.profile.TestProfiles.RESIDENT_ID_MASKED;
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

import cn.gov.jieyang.talent.identity.IdNumber;
import cn.gov.jieyang.talent.portal.PortalTest;
import cn.gov.jieyang.talent.portal.login.TestLogins;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** A 粤信签 face-verified person: name and ID come from the login, shown masked and locked. */
@PortalTest
class FaceVerifiedProfileTest {

    /** Another valid resident ID (check character X), to forge with. */
    static final String OTHER_ID = "11010519491231002X";

    @Autowired
    MockMvc mvc;

    @Autowired
    Profiles profiles;

    @Test
    void showsTheVerifiedNameAndMaskedNumberLockedAndLabelledVerified() throws Exception {
        String subject = "p-face-" + UUID.randomUUID();

        mvc.perform(get("/profile").with(faceLogin(subject, "张三", RESIDENT_ID)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<dd id=\"verified-name\">张三</dd>"),
                        containsString("<dd id=\"verified-id-number\">" + RESIDENT_ID_MASKED + "</dd>"),
                        containsString("已通过粤信签核验"),
                        // what PortalLoginIT sees after a face login: the person lands here first
                        containsString("您好，张三"), containsString("已通过粤信签人脸识别"),
                        containsString("id=\"phone\""), containsString("id=\"consent\""))))
                .andExpect(content().string(allOf(
                        not(containsString(RESIDENT_ID)),
                        // locked: no field posts the name or the number back
                        not(containsString("name=\"name\"")), not(containsString("name=\"idNumber\"")))));
    }

    @Test
    void storesTheVerifiedIdentityAndIgnoresANameAndNumberForgedIntoThePost() throws Exception {
        String subject = "p-face-" + UUID.randomUUID();

        mvc.perform(post("/profile").with(faceLogin(subject, "张三", RESIDENT_ID)).with(csrf())
                        .param("name", "李四").param("idType", "resident_id").param("idNumber", OTHER_ID)
                        .param("phone", "138 0013 8000").param("consent", "true"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/"));

        ApplicantProfile stored = profiles.find(subject).orElseThrow();
        assertThat(stored.verification()).isEqualTo(Verification.FACE_VERIFIED);
        assertThat(stored.name()).isEqualTo("张三");
        assertThat(stored.idNumberMasked()).isEqualTo(RESIDENT_ID_MASKED);
        assertThat(stored.phone()).isEqualTo("13800138000");
        assertThat(profiles.revealIdNumber(subject)).map(IdNumber::value).contains(RESIDENT_ID);
    }

    @Test
    void aFaceLoginWithoutTheVerifiedNumberIsToldToLogInAgainInsteadOfTypingIt() throws Exception {
        String subject = "p-face-" + UUID.randomUUID();

        mvc.perform(get("/profile").with(TestLogins.faceVerified(subject, "张三")))
                .andExpect(status().isBadGateway())
                .andExpect(content().string(containsString("请退出后重新登录")));
        mvc.perform(post("/profile").with(TestLogins.faceVerified(subject, "张三")).with(csrf())
                        .param("name", "张三").param("idNumber", RESIDENT_ID)
                        .param("phone", "13800138000").param("consent", "true"))
                .andExpect(status().isBadGateway());

        assertThat(profiles.exists(subject)).isFalse();
    }

    @Test
    void theSummaryAndTheContactEditKeepTheVerifiedDataLocked() throws Exception {
        String subject = "p-face-" + UUID.randomUUID();
        TestProfiles.faceVerifiedIndividual(profiles, subject, "张三", RESIDENT_ID);

        mvc.perform(get("/profile").with(faceLogin(subject, "张三", RESIDENT_ID)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"profile-edit\""),
                        containsString(RESIDENT_ID_MASKED), containsString("已通过粤信签核验"))));
        mvc.perform(get("/profile/edit").with(faceLogin(subject, "张三", RESIDENT_ID)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"phone\""),
                        not(containsString("name=\"name\"")), not(containsString("name=\"idNumber\"")))));
        mvc.perform(post("/profile").with(faceLogin(subject, "张三", RESIDENT_ID)).with(csrf())
                        .param("name", "李四").param("idNumber", OTHER_ID).param("phone", "+85291234567"))
                .andExpect(redirectedUrl("/profile"));

        ApplicantProfile stored = profiles.find(subject).orElseThrow();
        assertThat(stored.phone()).isEqualTo("+85291234567");
        assertThat(stored.name()).isEqualTo("张三");
        assertThat(profiles.revealIdNumber(subject)).map(IdNumber::value).contains(RESIDENT_ID);
    }
}
