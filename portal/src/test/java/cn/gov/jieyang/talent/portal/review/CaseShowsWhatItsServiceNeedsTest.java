package cn.gov.jieyang.talent.portal.review;

import static cn.gov.jieyang.talent.portal.login.TestLogins.reviewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jieyang.talent.portal.PortalTest;
import cn.gov.jieyang.talent.portal.audit.AuditLog;
import cn.gov.jieyang.talent.portal.storage.ContentStore;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A case page labels every answer in words and shows only what the case's service asks (its own answers
 * and materials and the common ones): a reviewer of talent recognition does not see the rent subsidy's
 * bank account, though both were applied for in one bundle.
 */
@PortalTest
class CaseShowsWhatItsServiceNeedsTest {

    private static final String REVIEWER = "case-contents-reviewer";
    private static final String BANK_ACCOUNT = "6222020200112233445";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog audit;
    @Autowired
    ContentStore store;

    CaseFixture fixture;
    CaseFixture.Submitted app;
    UUID rentForm;
    UUID idDocument;

    @BeforeEach
    void aBundleOfTalentRecognitionAndRentSubsidy() {
        fixture = new CaseFixture(jdbc, audit, store);
        app = fixture.submitted(fixture.applicant("case-contents", "陈小明"), "talent-recognition", "rent-subsidy");
        answer("contact-phone", "13800138000");
        answer("current-employer", "揭阳某科技有限公司");
        answer("talent-category", "C类");
        answer("monthly-rent", "2500");
        answer("bank-name", "中国工商银行揭阳分行");
        answer("bank-account", BANK_ACCOUNT);
        idDocument = fixture.material(app, "id-document", "身份证.pdf");
        rentForm = fixture.material(app, "rent-subsidy-application-form", "租房补贴申请表.pdf");
    }

    @Test
    void labelsEveryAnswerInWordsInChineseAndEnglish() throws Exception {
        String zh = page(app.caseOf("talent-recognition"), "zh_CN");
        assertThat(zh).contains("<dt>联系电话</dt><dd id=\"answer-contact-phone\">13800138000</dd>")
                .contains("<dt>现工作单位</dt><dd id=\"answer-current-employer\">揭阳某科技有限公司</dd>")
                .doesNotContain("<dt>contact-phone</dt>").doesNotContain("<dt>current-employer</dt>");

        String en = page(app.caseOf("rent-subsidy"), "en");
        assertThat(en).contains("<dt>Contact phone</dt>")
                .contains("<dt>Monthly rent (yuan)</dt><dd id=\"answer-monthly-rent\">2500</dd>")
                .contains("<dt>Bank account number for the subsidy</dt>")
                .doesNotContain("<dt>bank-account</dt>").doesNotContain("<dt>monthly-rent</dt>");
    }

    @Test
    void theReviewerOfTalentRecognitionDoesNotSeeTheRentSubsidysBankAccount() throws Exception {
        String talent = page(app.caseOf("talent-recognition"), "zh_CN");
        assertThat(talent).doesNotContain(BANK_ACCOUNT).doesNotContain("answer-bank-account")
                .doesNotContain("answer-bank-name").doesNotContain("answer-monthly-rent")
                .contains("id=\"answer-talent-category\"").contains("id=\"answer-contact-phone\"");

        String rent = page(app.caseOf("rent-subsidy"), "zh_CN");
        assertThat(rent).contains("id=\"answer-bank-account\">" + BANK_ACCOUNT + "<");
    }

    @Test
    void showsTheCommonMaterialsAndTheServicesOwnOnly() throws Exception {
        String talent = page(app.caseOf("talent-recognition"), "zh_CN");
        assertThat(talent).contains("id=\"file-" + idDocument + "\"").doesNotContain("id=\"file-" + rentForm + "\"")
                .doesNotContain("租房补贴申请表.pdf");
        assertThat(page(app.caseOf("rent-subsidy"), "zh_CN")).contains("id=\"file-" + rentForm + "\"")
                .contains("id=\"file-" + idDocument + "\"");

        // Nor does the file route open another service's material through this case.
        mvc.perform(get("/review/cases/" + app.caseOf("talent-recognition") + "/files/" + rentForm)
                        .with(reviewer(REVIEWER)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/review/cases/" + app.caseOf("rent-subsidy") + "/files/" + rentForm)
                        .with(reviewer(REVIEWER)))
                .andExpect(status().isOk());
    }

    @Test
    void namesAnEnterprisesIdMaterialAsItsHandlers() throws Exception {
        String subject = "case-contents-enterprise-" + UUID.randomUUID();
        jdbc.sql("insert into applicant_profile (subject, subject_type, verification, name, usci, contact_name, "
                        + "consent_text_version, consented_at, created_at, updated_at) values (?, 'enterprise', "
                        + "'declared', '揭阳某博士工作站有限公司', '91445200MA4W00003L', '李四', 'v1', now(), now(), now())")
                .param(subject).update();
        CaseFixture.Submitted station = fixture.submitted(subject, "research-station-funding");
        fixture.material(station, "id-document", "id.pdf");

        assertThat(page(station.caseOf("research-station-funding"), "zh_CN")).contains("经办人身份证/社保卡")
                .doesNotContain("本人身份证");
        assertThat(page(app.caseOf("talent-recognition"), "zh_CN")).contains("本人身份证/社保卡");
    }

    private String page(UUID caseId, String lang) throws Exception {
        return mvc.perform(get("/review/cases/" + caseId).param("lang", lang).with(reviewer(REVIEWER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private void answer(String field, String value) {
        jdbc.sql("insert into application_answer (application_id, field_code, value) values (?, ?, ?)")
                .params(app.id(), field, value).update();
    }
}
