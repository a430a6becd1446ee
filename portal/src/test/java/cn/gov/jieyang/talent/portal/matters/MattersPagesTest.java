package cn.gov.jieyang.talent.portal.matters;

import static cn.gov.jieyang.talent.portal.login.TestLogins.faceVerified;
import static cn.gov.jieyang.talent.portal.login.TestLogins.passwordIndividual;
import static cn.gov.jieyang.talent.portal.login.TestLogins.reviewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jieyang.talent.portal.PortalTest;
import cn.gov.jieyang.talent.portal.audit.AuditEntry;
import cn.gov.jieyang.talent.portal.audit.AuditLog;
import cn.gov.jieyang.talent.portal.deadlines.Deadlines;
import cn.gov.jieyang.talent.portal.review.CaseFixture;
import cn.gov.jieyang.talent.portal.storage.ContentStore;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** 我的事项 as an applicant sees it: only their own applications, each case's progress and what to do next. */
@PortalTest
class MattersPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog audit;
    @Autowired
    ContentStore store;
    @Autowired
    Deadlines deadlines;

    CaseFixture fixture;
    String alice;

    @BeforeEach
    void setUp() {
        fixture = new CaseFixture(jdbc, audit, store);
        alice = fixture.applicant("matters-a", "张三");
    }

    @Test
    void listsOnlyTheApplicantsOwnApplicationsNewestFirstWithDrafts() throws Exception {
        CaseFixture.Submitted older = fixture.submitted(alice, "rent-subsidy");
        CaseFixture.Submitted newer = fixture.submitted(alice, "talent-recognition", "title-review");
        jdbc.sql("update application set submitted_at = ? where id = ?")
                .params(Timestamp.from(Instant.parse("2026-03-01T02:00:00Z")), older.id()).update();
        CaseFixture.Submitted draft = fixture.draft(alice, "chief-technician");
        CaseFixture.Submitted bobs = fixture.submitted(fixture.applicant("matters-b", "李四"), "rent-subsidy");

        String page = mvc.perform(get("/matters").with(faceVerified(alice, "张三")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/applications/" + draft.id() + "\"")))
                .andExpect(content().string(containsString("class=\"state handed_off\"")))
                .andExpect(content().string(not(containsString(bobs.reference()))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page.indexOf("id=\"application-" + newer.reference() + "\""))
                .isPositive()
                .isLessThan(page.indexOf("id=\"application-" + older.reference() + "\""));
        assertThat(page).doesNotContain("id=\"application-" + draft.reference() + "\"");
    }

    @Test
    void refusesAnotherApplicantsApplicationAsNotFound() throws Exception {
        CaseFixture.Submitted bobs = fixture.submitted(fixture.applicant("matters-b", "李四"), "rent-subsidy");

        mvc.perform(get("/matters/" + bobs.id()).with(faceVerified(alice, "张三")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString(bobs.reference()))));
        mvc.perform(get("/matters/" + UUID.randomUUID()).with(faceVerified(alice, "张三")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/matters/not-an-id").with(faceVerified(alice, "张三")))
                .andExpect(status().isNotFound());
    }

    @Test
    void sendsADraftToItsApplicationPage() throws Exception {
        CaseFixture.Submitted draft = fixture.draft(alice, "rent-subsidy");

        mvc.perform(get("/matters/" + draft.id()).with(faceVerified(alice, "张三")))
                .andExpect(redirectedUrl("/applications/" + draft.id()));
    }

    @Test
    void showsHandedOffServicesWithTheProvincialSystemAndItsTimeLimit() throws Exception {
        CaseFixture.Submitted app = fixture.submitted(alice, "skill-appraisal", "title-review");

        mvc.perform(get("/matters/" + app.id()).with(faceVerified(alice, "张三")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"case-skill-appraisal-state\" class=\"state handed_off\"")))
                .andExpect(content().string(containsString("id=\"handoff-title-review\" href=\"http")))
                .andExpect(content().string(containsString("GD-" + app.reference())))
                .andExpect(content().string(containsString("自受理之日起 8 个工作日")))
                .andExpect(content().string(containsString("该时限由省级系统计算")))
                .andExpect(content().string(containsString("以当年申报通知为准")));
    }

    @Test
    void showsTheDueDateOfACaseInProgressWithAWorkingDayLimit() throws Exception {
        // No seeded service handled here has a working-day limit (services 4 and 7, which have one, are
        // handed off), so a fixture service stands in for one; the reviewer's real accept computes the date.
        String service = fixture.localServiceWithWorkingDays(5);
        try {
            CaseFixture.Submitted app = fixture.submitted(alice, service);
            UUID caseId = app.caseOf(service);
            mvc.perform(post("/review/cases/" + caseId + "/accept").param("version", String.valueOf(fixture.version(caseId)))
                            .with(csrf()).with(reviewer("matters-reviewer")))
                    .andExpect(status().is3xxRedirection());
            LocalDate accepted = jdbc.sql("select accepted_at from application_case where id = ?").param(caseId)
                    .query(Timestamp.class).single().toInstant().atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
            LocalDate due = deadlines.calendar().plusWorkingDays(accepted, 5);

            mvc.perform(get("/matters/" + app.id()).with(faceVerified(alice, "张三")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("id=\"case-" + service + "-state\" class=\"state in_progress\"")))
                    .andExpect(content().string(containsString("自受理之日起 5 个工作日")))
                    .andExpect(content().string(containsString("id=\"case-" + service + "-due\">应于 " + due + " 前办结")));
        } finally {
            fixture.removeService(service);
        }
    }

    @Test
    void offersReplacementLinksAndResubmissionForAReturnedCase() throws Exception {
        CaseFixture.Submitted app = fixture.submitted(alice, "chief-technician", "rent-subsidy");
        fixture.setState(app.caseOf("chief-technician"), "returned", "推荐函缺少公章");

        mvc.perform(get("/matters/" + app.id()).with(faceVerified(alice, "张三")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"case-chief-technician-reason\" class=\"reason\">推荐函缺少公章")))
                .andExpect(content().string(containsString("id=\"replace-employer-recommendation-letter\" href=\"/applications/"
                        + app.id() + "/materials/employer-recommendation-letter\"")))
                .andExpect(content().string(containsString("id=\"replace-id-document\"")))
                .andExpect(content().string(not(containsString("id=\"replace-rent-subsidy-application-form\""))))
                .andExpect(content().string(containsString("action=\"/applications/" + app.id() + "/resubmit\"")))
                .andExpect(content().string(containsString("id=\"resubmit\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
    }

    @Test
    void offersNoResubmissionWhenNothingIsReturned() throws Exception {
        CaseFixture.Submitted app = fixture.submitted(alice, "rent-subsidy");

        // The page itself, not an error page (which would lack the resubmit button as well).
        mvc.perform(get("/matters/" + app.id()).with(faceVerified(alice, "张三")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(app.reference())))
                .andExpect(content().string(containsString("id=\"case-rent-subsidy-state\" class=\"state pending\"")))
                .andExpect(content().string(containsString("id=\"package-v1\"")))
                .andExpect(content().string(not(containsString("id=\"returned\""))))
                .andExpect(content().string(not(containsString("id=\"resubmit\""))))
                .andExpect(content().string(not(containsString("id=\"replace-"))));
    }

    @Test
    void linksEachSignedPackageVersionForDownload() throws Exception {
        CaseFixture.Submitted app = fixture.submitted(alice, "rent-subsidy");
        fixture.pkg(app, 2);

        mvc.perform(get("/matters/" + app.id()).with(faceVerified(alice, "张三")))
                .andExpect(content().string(containsString("id=\"package-v1\" href=\"/applications/" + app.id() + "/packages/1\"")))
                .andExpect(content().string(containsString("id=\"package-v2\" href=\"/applications/" + app.id() + "/packages/2\"")));
    }

    @Test
    void showsTheTimelineWithLocalisedEventsInChinaTime() throws Exception {
        CaseFixture.Submitted app = fixture.submitted(alice, "rent-subsidy");
        audit.record(new AuditEntry("matters-reviewer", AuditEntry.ActorRole.REVIEWER, "CaseAccepted", app.id(),
                app.caseOf("rent-subsidy"), "rent-subsidy"));
        Instant at = audit.forApplication(app.id()).get(1).occurredAt();
        String shanghai = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(at.atZone(java.time.ZoneId.of("Asia/Shanghai")));

        mvc.perform(get("/matters/" + app.id()).with(faceVerified(alice, "张三")))
                .andExpect(content().string(containsString("提交申请")))
                .andExpect(content().string(containsString("已受理")))
                .andExpect(content().string(containsString("<time>" + shanghai + "</time>")));
        mvc.perform(get("/matters/" + app.id()).param("lang", "en").with(passwordIndividual(alice, "张三")))
                .andExpect(content().string(containsString("Application submitted")))
                .andExpect(content().string(containsString("High-level talent rent subsidy")))
                .andExpect(content().string(containsString("(reviewer)")));
    }
}
