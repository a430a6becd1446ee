package cn.gov.jieyang.talent.portal.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jieyang.talent.portal.PortalTest;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Choosing services, the material-union rule on the task list, removing and adding services. */
@PortalTest
class ApplicationPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    DraftDriver driver;

    @BeforeEach
    void driver() {
        driver = new DraftDriver(mvc, jdbc);
    }

    @Test
    void asksTheCommonMaterialsOnceAndEachServicesOwnForServices1And2And9() throws Exception {
        Applicants a = Applicants.individual(jdbc);
        UUID id = driver.create(a, "talent-recognition", "chief-technician", "rent-subsidy");
        String page = mvc.perform(get("/applications/{id}", id).with(a.login()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(occurrences(page, "id=\"material-id-document\"")).isEqualTo(1);
        assertThat(occurrences(page, "id=\"material-one-thing-application-form\"")).isEqualTo(1);
        for (String specific : new String[] {"talent-recognition-application-form", "talent-recognition-review-summary",
                "talent-recognition-criteria-evidence", "chief-technician-credentials", "employer-recommendation-letter",
                "chief-technician-work-summary", "chief-technician-recommendation-form", "rent-subsidy-application-form",
                "rent-subsidy-evidence-originals"}) {
            assertThat(occurrences(page, "id=\"material-" + specific + "\"")).as(specific).isEqualTo(1);
        }
        assertThat(page).doesNotContain("research-station-funding-application-form");
        assertThat(driver.count("select count(*) from application_case where application_id = ? and state = 'draft'", id))
                .isEqualTo(3);
        assertThat(jdbc.sql("select reference from application where id = ?").param(id).query(String.class).single())
                .matches("JYRC-\\d{8}-[A-Z2-7]{6}");
    }

    @Test
    void theStatusBadgeBesideALongMaterialNameStaysOnOneLine() throws Exception {
        String css = mvc.perform(get("/css/portal.css")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Matcher rule = Pattern.compile("(?m)^\\.state \\{([^}]*)\\}").matcher(css);
        assertThat(rule.find()).as(".state rule").isTrue();
        assertThat(rule.group(1)).contains("white-space: nowrap", "flex-shrink: 0");
    }

    @Test
    void anEnterpriseIsAskedForTheHandlersIdCardNotItsOwn() throws Exception {
        Applicants e = Applicants.enterprise(jdbc);
        UUID id = driver.create(e, "research-station-funding");
        for (String page : new String[] {"/applications/{id}", "/applications/{id}/check",
                "/applications/{id}/materials/id-document"}) {
            String zh = html(get(page, id).with(e.login()));
            assertThat(zh).as(page).contains("经办人身份证").doesNotContain("本人身份证");
            String en = html(get(page, id).param("lang", "en").with(e.login()));
            assertThat(en).as(page).contains("of the person handling the application")
                    .doesNotContain(">ID card or social-security card (");
        }
        Applicants a = Applicants.individual(jdbc);
        UUID own = driver.create(a, "research-station-funding");
        assertThat(html(get("/applications/{id}", own).with(a.login()))).contains("本人身份证").doesNotContain("经办人");
    }

    private String html(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void removingAServiceRemovesOnlyWhatNoOtherChosenServiceNeeds() throws Exception {
        Applicants a = Applicants.individual(jdbc);
        UUID id = driver.create(a, "talent-recognition", "chief-technician", "rent-subsidy");
        driver.uploadOk(a, id, "id-document", "id.pdf", DraftDriver.pdf("id"));
        driver.uploadOk(a, id, "chief-technician-credentials", "cert.pdf", DraftDriver.pdf("cert"));
        driver.uploadOk(a, id, "rent-subsidy-application-form", "rent.pdf", DraftDriver.pdf("rent"));
        driver.saveForm(a, id, DraftDriver.allAnswers()).andExpect(status().is3xxRedirection());

        mvc.perform(post("/applications/{id}/services/chief-technician/remove", id).with(a.login()).with(csrf()))
                .andExpect(redirectedUrl("/applications/" + id));

        String page = mvc.perform(get("/applications/{id}", id).with(a.login()))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("material-chief-technician-credentials", "material-employer-recommendation-letter",
                "remove-chief-technician");
        assertThat(page).contains("id=\"material-id-document\"", "id.pdf", "id=\"material-rent-subsidy-application-form\"");
        assertThat(driver.files(id, "chief-technician-credentials")).isZero();
        assertThat(driver.files(id, "id-document")).isEqualTo(1);
        assertThat(driver.files(id, "rent-subsidy-application-form")).isEqualTo(1);
        assertThat(driver.count("select count(*) from application_case where application_id = ?", id)).isEqualTo(2);
        // skill-level was only asked for the chief technician; the employer is still asked by the others
        assertThat(driver.count("select count(*) from application_answer where application_id = ? and field_code = 'skill-level'", id)).isZero();
        assertThat(driver.count("select count(*) from application_answer where application_id = ? and field_code = 'current-employer'", id)).isEqualTo(1);
    }

    @Test
    void refusesToRemoveTheLastService() throws Exception {
        Applicants a = Applicants.individual(jdbc);
        UUID id = driver.create(a, "rent-subsidy");
        mvc.perform(post("/applications/{id}/services/rent-subsidy/remove", id).with(a.login()).with(csrf()))
                .andExpect(status().isConflict());
        assertThat(driver.count("select count(*) from application_case where application_id = ?", id)).isEqualTo(1);
    }

    @Test
    void addsServicesToADraft() throws Exception {
        Applicants a = Applicants.individual(jdbc);
        UUID id = driver.create(a, "rent-subsidy");
        mvc.perform(get("/applications/{id}/services", id).with(a.login()))
                .andExpect(status().isOk())
                .andExpect(content().string(matchesPattern("(?s).*id=\"service-rent-subsidy\"[^>]*disabled.*")));
        mvc.perform(post("/applications/{id}/services", id).param("service", "chief-technician")
                        .with(a.login()).with(csrf()))
                .andExpect(redirectedUrl("/applications/" + id));
        mvc.perform(get("/applications/{id}", id).with(a.login()))
                .andExpect(content().string(containsString("id=\"material-employer-recommendation-letter\"")))
                .andExpect(content().string(containsString("id=\"remove-chief-technician\"")));
    }

    @Test
    void showsAnErrorSummaryWhenNoServiceIsChosen() throws Exception {
        Applicants a = Applicants.individual(jdbc);
        mvc.perform(post("/applications").with(a.login()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"error-summary\"")))
                .andExpect(content().string(containsString("请至少选择一项服务事项")));
        assertThat(driver.count("select count(*) from application where applicant_subject = ?", a.subject())).isZero();
    }

    @Test
    void refusesAnIndividualOnlyServiceToAnEnterprise() throws Exception {
        Applicants e = Applicants.enterprise(jdbc);
        mvc.perform(get("/applications/new").with(e.login()))
                .andExpect(content().string(matchesPattern("(?s).*id=\"service-talent-recognition\"[^>]*disabled.*")))
                .andExpect(content().string(not(matchesPattern("(?s).*id=\"service-research-station-funding\"[^>]*disabled.*"))));
        mvc.perform(post("/applications").param("service", "research-station-funding").param("service", "talent-recognition")
                        .with(e.login()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"error-summary\"")));
        assertThat(driver.count("select count(*) from application where applicant_subject = ?", e.subject())).isZero();
        // the service open to both is accepted
        UUID id = driver.create(e, "research-station-funding");
        assertThat(driver.count("select count(*) from application_case where application_id = ?", id)).isEqualTo(1);
    }

    @Test
    void refusesAnEnterpriseOnlyServiceToAnIndividual() throws Exception {
        Applicants a = Applicants.individual(jdbc);
        // The seed has no enterprise-only service: make one for this test, as a migration could.
        jdbc.sql("update catalogue_service set eligibility = 'enterprise' where code = 'research-station-funding'").update();
        try {
            mvc.perform(get("/applications/new").with(a.login()))
                    .andExpect(content().string(matchesPattern("(?s).*id=\"service-research-station-funding\"[^>]*disabled.*")))
                    .andExpect(content().string(containsString("该事项仅限企业申请")));
            mvc.perform(post("/applications").param("service", "research-station-funding").with(a.login()).with(csrf()))
                    .andExpect(status().isBadRequest());
            assertThat(driver.count("select count(*) from application where applicant_subject = ?", a.subject())).isZero();
        } finally {
            jdbc.sql("update catalogue_service set eligibility = 'both' where code = 'research-station-funding'").update();
        }
    }

    @Test
    void namesTheProvincialSystemOfAHandedOffService() throws Exception {
        Applicants a = Applicants.individual(jdbc);
        mvc.perform(get("/applications/new").param("lang", "en").with(a.login()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Guangdong provincial skill-appraisal system")))
                .andExpect(content().string(containsString("id=\"choose-services\"")));
    }

    @Test
    void listsTheDraftsToResume() throws Exception {
        Applicants a = Applicants.individual(jdbc);
        UUID id = driver.create(a, "rent-subsidy");
        String reference = jdbc.sql("select reference from application where id = ?").param(id).query(String.class).single();
        mvc.perform(get("/applications").with(a.login()))
                .andExpect(content().string(containsString("href=\"/applications/" + id + "\"")))
                .andExpect(content().string(containsString(reference)));
        mvc.perform(get("/applications").with(Applicants.individual(jdbc).login()))
                .andExpect(content().string(not(containsString(id.toString()))));
    }

    private static int occurrences(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
