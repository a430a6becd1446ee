package cn.gov.jieyang.talent.portal.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jieyang.talent.portal.PortalTest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The one form (union of fields, validation, answers shown as text) and the check-your-answers page. */
@PortalTest
class FormPagesTest {

    private static final String SCRIPT = "<script>alert(1)</script>";

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
    void asksEachFieldOnceWhateverNumberOfServicesNeedIt() throws Exception {
        Applicants a = Applicants.individual(jdbc);
        UUID id = driver.create(a, "talent-recognition", "chief-technician", "rent-subsidy");
        String page = mvc.perform(get("/applications/{id}/form", id).with(a.login()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page.split("id=\"field-current-employer\"", -1)).hasSize(2);
        assertThat(page.split("id=\"field-contact-phone\"", -1)).hasSize(2);
        assertThat(page).contains("id=\"field-skill-level\"", "id=\"field-bank-account\"", "id=\"field-talent-category\"",
                "id=\"save-form\"");
        assertThat(page).doesNotContain("field-station-name", "field-funding-amount");
    }

    @Test
    void prefillsWhatTheRealNameRecordHoldsAndKeepsItEditable() throws Exception {
        Applicants a = Applicants.individual(jdbc);
        jdbc.sql("update applicant_profile set phone = '13912345678' where subject = ?").param(a.subject()).update();
        UUID id = driver.create(a, "rent-subsidy");
        assertThat(input(a, id, "contact-phone")).contains("value=\"13912345678\"").doesNotContain("disabled");
        assertThat(input(a, id, "current-employer")).contains("value=\"\"");

        Map<String, String> answers = new HashMap<>(DraftDriver.allAnswers());
        answers.put("contact-phone", "0663-8223456");
        driver.saveForm(a, id, answers).andExpect(redirectedUrl("/applications/" + id));
        assertThat(input(a, id, "contact-phone")).contains("value=\"0663-8223456\"");
    }

    @Test
    void prefillsAnEnterprisesPhoneAndItsNameAsTheEmployer() throws Exception {
        Applicants e = Applicants.enterprise(jdbc);
        jdbc.sql("update applicant_profile set phone = '06638223456' where subject = ?").param(e.subject()).update();
        UUID id = driver.create(e, "research-station-funding");
        assertThat(input(e, id, "contact-phone")).contains("value=\"06638223456\"");
        assertThat(input(e, id, "current-employer")).contains("value=\"揭阳测试科技有限公司\"");
        assertThat(input(e, id, "station-name")).contains("value=\"\"");
    }

    /** The form's input for one field, as the page renders it. */
    private String input(Applicants who, UUID id, String field) throws Exception {
        String page = mvc.perform(get("/applications/{id}/form", id).with(who.login()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        java.util.regex.Matcher input = java.util.regex.Pattern
                .compile("<input[^>]*id=\"field-" + field + "\"[^>]*>").matcher(page);
        assertThat(input.find()).as("input of " + field).isTrue();
        return input.group();
    }

    @Test
    void refusesMissingAndOverlongAnswersWithASummaryAndSavesNothing() throws Exception {
        Applicants a = Applicants.individual(jdbc);
        UUID id = driver.create(a, "rent-subsidy");
        Map<String, String> answers = new HashMap<>(DraftDriver.allAnswers());
        answers.put("contact-phone", "");
        answers.put("bank-account", "9".repeat(35));
        answers.put("rent-start-date", "2026-02-30");
        answers.put("monthly-rent", "a lot");
        driver.saveForm(a, id, answers)
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"error-summary\"")))
                .andExpect(content().string(containsString("href=\"#field-contact-phone\"")))
                .andExpect(content().string(containsString("请填写联系电话")))
                .andExpect(content().string(containsString("补贴收款银行账号不能超过 34 个字")))
                .andExpect(content().string(containsString("href=\"#field-rent-start-date\"")))
                .andExpect(content().string(containsString("href=\"#field-monthly-rent\"")));
        assertThat(driver.count("select count(*) from application_answer where application_id = ?", id)).isZero();
    }

    @Test
    void showsHtmlInAnswersAsText() throws Exception {
        Applicants a = Applicants.individual(jdbc);
        UUID id = driver.create(a, "rent-subsidy");
        Map<String, String> answers = new HashMap<>(DraftDriver.allAnswers());
        answers.put("current-employer", SCRIPT);
        answers.put("contact-phone", "");
        // shown back on the refused form...
        driver.saveForm(a, id, answers)
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString(SCRIPT))));
        answers.put("contact-phone", "13800000000");
        driver.saveForm(a, id, answers).andExpect(redirectedUrl("/applications/" + id));
        // ...and on the form and the check page once saved
        for (String page : new String[] {"/applications/{id}/form", "/applications/{id}/check"}) {
            mvc.perform(get(page, id).with(a.login()))
                    .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                    .andExpect(content().string(not(containsString(SCRIPT))));
        }
    }

    @Test
    void offersTheSubmitFormOnlyWhenEverythingRequiredIsPresent() throws Exception {
        Applicants a = Applicants.individual(jdbc);
        UUID id = driver.create(a, "rent-subsidy");
        mvc.perform(get("/applications/{id}/check", id).with(a.login()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"submit-form\""))))
                .andExpect(content().string(containsString("id=\"missing\"")))
                .andExpect(content().string(containsString("id=\"change-material-id-document\"")));
        mvc.perform(get("/applications/{id}", id).with(a.login()))
                .andExpect(content().string(not(containsString("id=\"check-answers\""))));

        driver.saveForm(a, id, DraftDriver.allAnswers()).andExpect(status().is3xxRedirection());
        for (String material : new String[] {"id-document", "one-thing-application-form", "rent-subsidy-application-form",
                "rent-subsidy-evidence-originals"}) {
            driver.uploadOk(a, id, material, material + ".pdf", DraftDriver.pdf(material));
        }
        mvc.perform(get("/applications/{id}", id).with(a.login()))
                .andExpect(content().string(containsString("id=\"check-answers\"")))
                .andExpect(content().string(containsString("id=\"form-status\" class=\"state completed\"")));
        mvc.perform(get("/applications/{id}/check", id).with(a.login()))
                .andExpect(content().string(containsString(
                        "<form method=\"post\" action=\"/applications/" + id + "/submit\" id=\"submit-form\">")))
                .andExpect(content().string(containsString("id=\"submit-application\"")))
                .andExpect(content().string(containsString("id=\"change-bank-account\"")))
                .andExpect(content().string(containsString("6217000000000000000")))
                .andExpect(content().string(not(containsString("id=\"missing\""))));
    }
}
