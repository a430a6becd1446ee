package cn.gov.jieyang.talent.portal.web;

import static cn.gov.jieyang.talent.portal.login.TestLogins.passwordIndividual;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.gov.jieyang.talent.portal.PortalTest;
import jakarta.servlet.http.Cookie;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 9, item 7: the portal follows the browser's language until the person chooses (today an
 * en-US browser got the sign-in page in English and then the portal in Chinese), and tells the
 * bridge's sign-in pages which language to speak ({@code ui_locales}).
 */
@PortalTest
class LanguageTest {

    @Autowired
    MockMvc mvc;

    @Test
    void followsAnEnglishBrowserUntilThePersonChooses() throws Exception {
        String subject = "p-lang-" + UUID.randomUUID();

        String english = mvc.perform(get("/profile").header("Accept-Language", "en-US,en;q=0.9")
                .with(passwordIndividual(subject, "王五"))).andReturn().getResponse().getContentAsString();
        var chosen = mvc.perform(get("/profile").param("lang", "zh-CN").header("Accept-Language", "en-US,en;q=0.9")
                .with(passwordIndividual(subject, "王五"))).andReturn().getResponse();
        Cookie choice = chosen.getCookie("PORTAL_LANG");
        String afterChoice = mvc.perform(get("/profile").cookie(choice).header("Accept-Language", "en-US,en;q=0.9")
                .with(passwordIndividual(subject, "王五"))).andReturn().getResponse().getContentAsString();

        assertThat(english).contains("Real-name record");
        assertThat(afterChoice).doesNotContain("Real-name record").contains("实名");
    }

    @Test
    void aBrowserThatSaysNothingGetsChinese() throws Exception {
        String page = mvc.perform(get("/profile").with(passwordIndividual("p-lang-" + UUID.randomUUID(), "王五")))
                .andReturn().getResponse().getContentAsString();

        assertThat(page).doesNotContain("Real-name record");
    }

    @Test
    void asksTheSignInPagesInThePortalsLanguage() throws Exception {
        String english = mvc.perform(get("/oauth2/authorization/auth-bridge").header("Accept-Language", "en-US"))
                .andReturn().getResponse().getRedirectedUrl();
        String chinese = mvc.perform(get("/oauth2/authorization/auth-bridge").cookie(new Cookie("PORTAL_LANG", "zh-CN"))
                        .header("Accept-Language", "en-US"))
                .andReturn().getResponse().getRedirectedUrl();

        assertThat(english).contains("ui_locales=en");
        assertThat(chinese).contains("ui_locales=zh-CN");
    }
}
