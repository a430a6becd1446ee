package cn.gov.jieyang.talent.portal.submission;

import static cn.gov.jieyang.talent.portal.login.TestLogins.faceVerified;
import static cn.gov.jieyang.talent.portal.login.TestLogins.passwordIndividual;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jieyang.talent.portal.PortalTest;
import cn.gov.jieyang.talent.portal.catalogue.Catalogue;
import cn.gov.jieyang.talent.portal.storage.ContentStore;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 9, finding 6: a password individual is sent through the face check (step-up, acr L4) before
 * the portal lets them sign and submit; the portal asks the bridge for it with {@code acr_values}.
 */
@PortalTest
class StepUpBeforeSubmitTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ContentStore store;
    @Autowired
    Catalogue catalogue;

    @Test
    void aPasswordIndividualIsSentThroughTheFaceCheckBeforeSubmittingAndNothingIsSubmitted() throws Exception {
        String subject = "u-stepup-" + UUID.randomUUID();
        ApplicationFixture.Draft d = new ApplicationFixture(jdbc, store, catalogue)
                .aDraftWith(subject, "talent-recognition");
        MockHttpSession session = new MockHttpSession();

        mvc.perform(post("/applications/{id}/submit", d.id()).session(session).with(csrf())
                        .with(passwordIndividual(subject, "张三")))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/oauth2/authorization/auth-bridge?step_up=1"));

        assertThat(statusOf(d.id())).isEqualTo("draft");
        String toBridge = mvc.perform(get("/oauth2/authorization/auth-bridge").param("step_up", "1").session(session))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(toBridge).contains("/oauth2/authorize?", "acr_values=urn:gd:trust:L4", "code_challenge=");
    }

    @Test
    void anOrdinaryLoginDoesNotAskForTheFaceCheck() throws Exception {
        String toBridge = mvc.perform(get("/oauth2/authorization/auth-bridge"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(toBridge).contains("/oauth2/authorize?").doesNotContain("acr_values");
    }

    @Test
    void aFaceVerifiedIndividualSubmitsAtOnce() throws Exception {
        String subject = "p-stepup-" + UUID.randomUUID();
        ApplicationFixture.Draft d = new ApplicationFixture(jdbc, store, catalogue)
                .aDraftWith(subject, "talent-recognition");

        mvc.perform(post("/applications/{id}/submit", d.id()).with(csrf()).with(faceVerified(subject, "张三")))
                .andExpect(redirectedUrl("/applications/" + d.id() + "/submitted"));

        assertThat(statusOf(d.id())).isEqualTo("submitted");
    }

    @Test
    void theCheckPageTellsAPasswordIndividualThatSubmittingTakesAFaceCheck() throws Exception {
        String subject = "u-stepup-" + UUID.randomUUID();
        ApplicationFixture.Draft d = new ApplicationFixture(jdbc, store, catalogue)
                .aDraftWith(subject, "talent-recognition");

        String page = mvc.perform(get("/applications/{id}/check", d.id()).with(passwordIndividual(subject, "张三")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"step-up-note\"");
        String facePage = mvc.perform(get("/applications/{id}/check", d.id()).with(faceVerified(subject, "张三")))
                .andReturn().getResponse().getContentAsString();
        assertThat(facePage).doesNotContain("id=\"step-up-note\"");
    }

    private String statusOf(UUID id) {
        return jdbc.sql("select status from application where id = ?").param(id).query(String.class).single();
    }
}
