package cn.gov.jieyang.talent.portal.review;

import static cn.gov.jieyang.talent.portal.login.TestLogins.faceVerified;
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
import cn.gov.jieyang.talent.portal.audit.AuditEvent;
import cn.gov.jieyang.talent.portal.audit.AuditLog;
import cn.gov.jieyang.talent.portal.catalogue.TestCalls;
import cn.gov.jieyang.talent.portal.deadlines.Deadlines;
import cn.gov.jieyang.talent.portal.storage.ContentStore;
import cn.gov.jieyang.talent.portal.web.ChinaTime;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The case state machine as reviewers drive it and as applicants then see it on 我的事项. */
@PortalTest
class ReviewActionsTest {

    private static final String REVIEWER = "review-actions-reviewer";

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
    String applicant;
    CaseFixture.Submitted app;
    UUID rent;

    @BeforeEach
    void pendingRentSubsidyCase() {
        fixture = new CaseFixture(jdbc, audit, store);
        applicant = fixture.applicant("review-actions", "张三");
        app = fixture.submitted(applicant, "rent-subsidy", "chief-technician", "skill-appraisal");
        rent = app.caseOf("rent-subsidy");
    }

    @Test
    void acceptsAPendingCaseAndTheApplicantSeesItInProgress() throws Exception {
        act(rent, "accept").andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/review/cases/" + rent));

        assertThat(fixture.state(rent)).isEqualTo("in_progress");
        assertThat(jdbc.sql("select accepted_at is not null from application_case where id = ?").param(rent)
                .query(Boolean.class).single()).isTrue();
        applicantSees("rent-subsidy", "in_progress");
        applicantSees("chief-technician", "pending");
    }

    @Test
    void acceptingDatesTheCaseByTheWorkingDaysTheCallInForceSetsOnTheHolidayCalendar() throws Exception {
        TestCalls.whileChanged(jdbc, "rent-subsidy", "working_days = 7", () -> {
            act(rent, "accept").andExpect(status().is3xxRedirection());

            LocalDate accepted = jdbc.sql("select accepted_at from application_case where id = ?").param(rent)
                    .query(java.sql.Timestamp.class).single().toInstant().atZone(ChinaTime.ZONE).toLocalDate();
            assertThat(dueOn(rent)).isEqualTo(deadlines.calendar().plusWorkingDays(accepted, 7));
            mvc.perform(get("/matters/" + app.id()).param("lang", "en").with(faceVerified(applicant, "张三")))
                    .andExpect(content().string(containsString("(this year&#39;s call: 7 working days from acceptance)")))
                    .andExpect(content().string(containsString("id=\"case-rent-subsidy-due\">Due by " + dueOn(rent))));
        });
    }

    @Test
    void aCallThatSetsNoWorkingDaysGivesNoDueDate() throws Exception {
        TestCalls.whileChanged(jdbc, "rent-subsidy", "working_days = null", () -> {
            act(rent, "accept").andExpect(status().is3xxRedirection());

            assertThat(dueOn(rent)).isNull();
            mvc.perform(get("/review/cases/" + rent).with(reviewer(REVIEWER)))
                    .andExpect(content().string(containsString("以当年申报通知为准")))
                    .andExpect(content().string(not(containsString("id=\"case-due\""))));
        });
    }

    @Test
    void completesAnAcceptedCaseAndTheApplicantSeesItCompleted() throws Exception {
        act(rent, "accept");
        act(rent, "complete").andExpect(status().is3xxRedirection());

        assertThat(fixture.state(rent)).isEqualTo("completed");
        applicantSees("rent-subsidy", "completed");
    }

    @Test
    void returnsAPendingCaseWithTheReasonShownAsTextToApplicantAndReviewer() throws Exception {
        String reason = "<script>alert('x')</script> 请补充<b>租赁合同</b>";
        act(rent, "return", reason).andExpect(status().is3xxRedirection());

        assertThat(fixture.state(rent)).isEqualTo("returned");
        String escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; 请补充&lt;b&gt;租赁合同&lt;/b&gt;";
        applicantSees("rent-subsidy", "returned")
                .andExpect(content().string(containsString("id=\"case-rent-subsidy-reason\" class=\"reason\">" + escaped)))
                .andExpect(content().string(not(containsString("<script>alert"))));
        mvc.perform(get("/review/cases/" + rent).with(reviewer(REVIEWER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"case-reason\" class=\"reason\">" + escaped)))
                .andExpect(content().string(not(containsString("<script>alert"))))
                .andExpect(content().string(not(containsString("<b>租赁合同"))));
    }

    @Test
    void returnsACaseInProgress() throws Exception {
        act(rent, "accept");
        act(rent, "return", "材料不全").andExpect(status().is3xxRedirection());

        assertThat(fixture.state(rent)).isEqualTo("returned");
        applicantSees("rent-subsidy", "returned");
    }

    @Test
    void refusesToCompleteAPendingCase() throws Exception {
        act(rent, "complete").andExpect(status().isConflict())
                .andExpect(content().string(containsString("review.stale")));

        assertThat(fixture.state(rent)).isEqualTo("pending");
        applicantSees("rent-subsidy", "pending");
    }

    @Test
    void refusesToAcceptOrReturnACompletedCase() throws Exception {
        act(rent, "accept");
        act(rent, "complete");

        act(rent, "accept").andExpect(status().isConflict());
        act(rent, "return", "太晚了").andExpect(status().isConflict());
        act(rent, "complete").andExpect(status().isConflict());
        assertThat(fixture.state(rent)).isEqualTo("completed");
        applicantSees("rent-subsidy", "completed");
    }

    @Test
    void refusesToAcceptOrCompleteAReturnedCase() throws Exception {
        act(rent, "return", "请补充材料");

        act(rent, "accept").andExpect(status().isConflict());
        act(rent, "complete").andExpect(status().isConflict());
        assertThat(fixture.state(rent)).isEqualTo("returned");
        applicantSees("rent-subsidy", "returned");
    }

    @Test
    void refusesAnActionOnAStalePage() throws Exception {
        int seen = fixture.version(rent);
        act(rent, "accept").andExpect(status().is3xxRedirection());

        // A second reviewer clicks on the page they opened before the first one accepted.
        mvc.perform(post("/review/cases/" + rent + "/return").param("version", String.valueOf(seen))
                        .param("reason", "重复").with(csrf()).with(reviewer("review-actions-second")))
                .andExpect(status().isConflict());
        assertThat(fixture.state(rent)).isEqualTo("in_progress");
    }

    @Test
    void refusesToReviewHandedOffAndDraftCases() throws Exception {
        UUID handedOff = app.caseOf("skill-appraisal");
        act(handedOff, "accept").andExpect(status().isConflict())
                .andExpect(content().string(containsString("review.not-reviewable")));
        act(handedOff, "return", "x").andExpect(status().isConflict());
        assertThat(fixture.state(handedOff)).isEqualTo("handed_off");

        UUID draft = fixture.draft(applicant, "rent-subsidy").caseOf("rent-subsidy");
        act(draft, "accept").andExpect(status().isConflict());
        assertThat(fixture.state(draft)).isEqualTo("draft");
    }

    @Test
    void requiresAReasonToReturn() throws Exception {
        act(rent, "return", "   ").andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"error-summary\"")))
                .andExpect(content().string(containsString("href=\"#reason\"")))
                .andExpect(content().string(containsString("id=\"reason-error\"")));
        mvc.perform(post("/review/cases/" + rent + "/return").param("version", String.valueOf(fixture.version(rent)))
                        .with(csrf()).with(reviewer(REVIEWER)))
                .andExpect(status().isBadRequest());
        assertThat(fixture.state(rent)).isEqualTo("pending");
    }

    @Test
    void refusesAReasonLongerThan2000Characters() throws Exception {
        act(rent, "return", "长".repeat(2001)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"reason-error\"")));
        assertThat(fixture.state(rent)).isEqualTo("pending");

        act(rent, "return", "长".repeat(2000)).andExpect(status().is3xxRedirection());
        assertThat(fixture.state(rent)).isEqualTo("returned");
    }

    @Test
    void recordsEachActionAsAReviewerEventInAnIntactChain() throws Exception {
        UUID chief = app.caseOf("chief-technician");
        act(rent, "accept");
        act(rent, "complete");
        act(chief, "return", "推荐函缺少公章");

        List<AuditEvent> events = audit.forApplication(app.id());
        assertThat(events).extracting(AuditEvent::eventType)
                .containsExactly("ApplicationSubmitted", "CaseAccepted", "CaseCompleted", "CaseReturned");
        assertThat(events.subList(1, 4)).allSatisfy(e -> {
            assertThat(e.actorRole()).isEqualTo(cn.gov.jieyang.talent.portal.audit.AuditEntry.ActorRole.REVIEWER);
            assertThat(e.actorSubject()).isEqualTo(REVIEWER);
        });
        assertThat(events.get(3).caseId()).isEqualTo(chief);
        assertThat(events.get(3).detail()).isEqualTo("推荐函缺少公章");
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void writesNoEventForARefusedAction() throws Exception {
        act(rent, "complete").andExpect(status().isConflict());

        assertThat(audit.forApplication(app.id())).extracting(AuditEvent::eventType)
                .containsExactly("ApplicationSubmitted");
    }

    @Test
    void answersAnUnknownCaseWithNotFound() throws Exception {
        mvc.perform(post("/review/cases/" + UUID.randomUUID() + "/accept").param("version", "0")
                        .with(csrf()).with(reviewer(REVIEWER)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/review/cases/not-a-uuid").with(reviewer(REVIEWER))).andExpect(status().isNotFound());
    }

    private ResultActions act(UUID caseId, String action, String... reason) throws Exception {
        var request = post("/review/cases/" + caseId + "/" + action)
                .param("version", String.valueOf(fixture.version(caseId)))
                .with(csrf()).with(reviewer(REVIEWER));
        if (reason.length > 0) {
            request.param("reason", reason[0]);
        }
        return mvc.perform(request);
    }

    private ResultActions applicantSees(String service, String state) throws Exception {
        return mvc.perform(get("/matters/" + app.id()).with(faceVerified(applicant, "张三")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "id=\"case-" + service + "-state\" class=\"state " + state + "\"")));
    }

    private LocalDate dueOn(UUID caseId) {
        return jdbc.sql("select due_on from application_case where id = ?").param(caseId).query(LocalDate.class).list()
                .get(0);
    }
}
