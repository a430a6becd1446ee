package cn.gov.jieyang.talent.portal.profile;

import static cn.gov.jieyang.talent.portal.login.TestLogins.enterprise;
import static cn.gov.jieyang.talent.portal.profile.TestProfiles.OTHER_USCI;
import static cn.gov.jieyang.talent.portal.profile.TestProfiles.USCI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jieyang.talent.portal.PortalTest;
import cn.gov.jieyang.talent.portal.catalogue.SubjectType;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** An enterprise account gives its name, unified social credit code and a contact person. */
@PortalTest
class EnterpriseProfileTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Profiles profiles;

    @Test
    void prefillsTheEnterprisesNameAndCreditCodeFromTheLogin() throws Exception {
        mvc.perform(get("/profile").with(enterprise("e-" + UUID.randomUUID(), "揭阳某科技有限公司", USCI)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("value=\"揭阳某科技有限公司\""),
                        containsString("value=\"" + USCI + "\""), containsString("id=\"contactName\""),
                        containsString("本人申报"))));
    }

    @Test
    void anEnterprisesRecordSaysItsNameAndCreditCodeAreFixedAndTheHandlerApplies() throws Exception {
        String subject = "e-" + UUID.randomUUID();
        TestProfiles.enterprise(profiles, subject, "揭阳某科技有限公司", USCI);

        String zh = mvc.perform(get("/profile").with(enterprise(subject, "揭阳某科技有限公司", USCI)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(zh).contains("单位名称和统一社会信用代码在此不能修改", "经办人")
                .doesNotContain("姓名和证件号码", "本人申报。");
        String en = mvc.perform(get("/profile").param("lang", "en").with(enterprise(subject, "揭阳某科技有限公司", USCI)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(en).contains("enterprise name and unified social credit code cannot be changed here")
                .doesNotContain("Name and ID number");
    }

    @Test
    void refusesACreditCodeWithAWrongCheckCharacter() throws Exception {
        String subject = "e-" + UUID.randomUUID();

        mvc.perform(post("/profile").with(enterprise(subject, "揭阳某科技有限公司", USCI)).with(csrf())
                        .param("name", "揭阳某科技有限公司").param("usci", "91445200MA4W00003M")
                        .param("contactName", "李联系").param("phone", "0663-8223456").param("consent", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"usci-error\""),
                        containsString("统一社会信用代码无效：校验码（最后一位）不符"),
                        containsString("value=\"91445200MA4W00003M\""))));

        assertThat(profiles.exists(subject)).isFalse();
    }

    @Test
    void storesTheEnterpriseAndLetsItChangeItsContactPerson() throws Exception {
        String subject = "e-" + UUID.randomUUID();

        mvc.perform(post("/profile").with(enterprise(subject, "揭阳某科技有限公司", null)).with(csrf())
                        .param("name", " 揭阳某科技有限公司 ").param("usci", OTHER_USCI.toLowerCase())
                        .param("contactName", "李联系").param("phone", "0663-8223456").param("consent", "true")
                        // not an enterprise's field: ignored
                        .param("idNumber", TestProfiles.RESIDENT_ID))
                .andExpect(redirectedUrl("/"));

        ApplicantProfile stored = profiles.find(subject).orElseThrow();
        assertThat(stored.subjectType()).isEqualTo(SubjectType.ENTERPRISE);
        assertThat(stored.verification()).isEqualTo(Verification.DECLARED);
        assertThat(stored.name()).isEqualTo("揭阳某科技有限公司");
        assertThat(stored.usci().value()).isEqualTo(OTHER_USCI);
        assertThat(stored.idNumberMasked()).isNull();
        assertThat(stored.phone()).isEqualTo("06638223456");
        assertThat(profiles.revealIdNumber(subject)).isEmpty();

        mvc.perform(get("/").with(enterprise(subject, "揭阳某科技有限公司", null)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"profile-card\""), containsString(OTHER_USCI))));

        mvc.perform(post("/profile").with(enterprise(subject, "揭阳某科技有限公司", null)).with(csrf())
                        .param("contactName", "").param("phone", "13900139000"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写联系人姓名。")));
        mvc.perform(post("/profile").with(enterprise(subject, "揭阳某科技有限公司", null)).with(csrf())
                        .param("name", "别的公司").param("contactName", "赵经办").param("phone", "13900139000"))
                .andExpect(redirectedUrl("/profile"));

        ApplicantProfile changed = profiles.find(subject).orElseThrow();
        assertThat(changed.contactName()).isEqualTo("赵经办");
        assertThat(changed.phone()).isEqualTo("13900139000");
        assertThat(changed.name()).isEqualTo("揭阳某科技有限公司");
    }
}
