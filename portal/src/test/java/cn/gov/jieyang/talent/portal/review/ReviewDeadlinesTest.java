package cn.gov.jieyang.talent.portal.review;

import static cn.gov.jieyang.talent.portal.login.TestLogins.faceVerified;
import static cn.gov.jieyang.talent.portal.login.TestLogins.reviewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jieyang.talent.portal.PortalTest;
import cn.gov.jieyang.talent.portal.audit.AuditLog;
import cn.gov.jieyang.talent.portal.storage.ContentStore;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Deadlines as the reviewer and the applicant meet them, on the seeded catalogue: a case of a service
 * handled here gets its due date when accepted, and the queue puts overdue and nearly due cases first,
 * flagged. The exact dates across holidays are {@code deadlines.DeadlinesTest}'s; these drive the pages
 * with plain SQL and HTTP only.
 */
@PortalTest
class ReviewDeadlinesTest {

    private static final String REVIEWER = "deadlines-reviewer";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog audit;
    @Autowired
    ContentStore store;

    CaseFixture fixture;
    String applicant;

    @BeforeEach
    void setUp() {
        fixture = new CaseFixture(jdbc, audit, store);
        applicant = fixture.applicant("deadlines", "黄小明");
    }

    @Test
    void acceptingACaseOfASeededLocalServiceGivesItADueDateThatReviewerAndApplicantSee() throws Exception {
        // Rent subsidy is handled here and its time limit is the year's call: the call in force sets it.
        CaseFixture.Submitted app = fixture.submitted(applicant, "rent-subsidy");
        UUID caseId = app.caseOf("rent-subsidy");

        mvc.perform(post("/review/cases/" + caseId + "/accept").param("version", String.valueOf(fixture.version(caseId)))
                        .with(csrf()).with(reviewer(REVIEWER)))
                .andExpect(status().is3xxRedirection());

        // list(), not single(): a null due_on is this test's failure, not a mapping error.
        Date due = jdbc.sql("select due_on from application_case where id = ?").param(caseId).query(Date.class).list()
                .get(0);
        assertThat(due).as("due_on set by the reviewer's accept").isNotNull();
        LocalDate accepted = jdbc.sql("select accepted_at from application_case where id = ?").param(caseId)
                .query(Timestamp.class).single().toInstant().atZone(CHINA).toLocalDate();
        assertThat(due.toLocalDate()).isAfter(accepted);
        mvc.perform(get("/review/cases/" + caseId).with(reviewer(REVIEWER)))
                .andExpect(content().string(containsString("id=\"case-due\">应于 " + due.toLocalDate() + " 前办结")));
        mvc.perform(get("/matters/" + app.id()).with(faceVerified(applicant, "黄小明")))
                .andExpect(content().string(containsString(
                        "id=\"case-rent-subsidy-due\">应于 " + due.toLocalDate() + " 前办结")));
    }

    @Test
    void theInProgressListShowsOverdueThenNearlyDueCasesFirstFlaggedAndThePendingListTheRest() throws Exception {
        LocalDate today = LocalDate.now(CHINA);
        CaseFixture.Submitted pending = fixture.submitted(applicant, "talent-recognition");
        CaseFixture.Submitted later = inProgress("talent-recognition", today.plusDays(40));
        CaseFixture.Submitted overdue = inProgress("talent-recognition", today.minusDays(1));
        CaseFixture.Submitted dueToday = inProgress("talent-recognition", today);

        String page = mvc.perform(get("/review").param("service", "talent-recognition").param("state", "in_progress")
                        .with(reviewer(REVIEWER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        int o = page.indexOf("id=\"case-" + overdue.reference() + "\"");
        int d = page.indexOf("id=\"case-" + dueToday.reference() + "\"");
        int l = page.indexOf("id=\"case-" + later.reference() + "\"");
        assertThat(o).isPositive().isLessThan(d);
        assertThat(d).isLessThan(l);
        assertThat(page).doesNotContain("id=\"case-" + pending.reference() + "\"");
        assertThat(flag(page, overdue.reference())).isEqualTo("overdue");
        assertThat(flag(page, dueToday.reference())).isEqualTo("due-soon");
        assertThat(flag(page, later.reference())).isNull();
        assertThat(page).contains("已超期", "2 个工作日内到期");

        String due = mvc.perform(get("/review").param("service", "talent-recognition").param("deadline", "due-or-overdue")
                        .with(reviewer(REVIEWER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(due).contains("id=\"case-" + overdue.reference() + "\"", "id=\"case-" + dueToday.reference() + "\"")
                .doesNotContain("id=\"case-" + later.reference() + "\"");

        String waiting = mvc.perform(get("/review").param("service", "talent-recognition").with(reviewer(REVIEWER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(waiting).contains("id=\"case-" + pending.reference() + "\"")
                .doesNotContain("id=\"case-" + overdue.reference() + "\"");
        assertThat(flag(waiting, pending.reference())).isNull();
    }

    @Test
    void theCasePageAndTheApplicantsPageFlagAnOverdueCase() throws Exception {
        CaseFixture.Submitted app = inProgress("rent-subsidy", LocalDate.now(CHINA).minusDays(3));

        mvc.perform(get("/review/cases/" + app.caseOf("rent-subsidy")).with(reviewer(REVIEWER)))
                .andExpect(content().string(containsString("id=\"case-deadline\" class=\"flag overdue\">已超期")));
        mvc.perform(get("/matters/" + app.id()).with(faceVerified(applicant, "黄小明")))
                .andExpect(content().string(containsString(
                        "id=\"case-rent-subsidy-deadline\" class=\"flag overdue\">已超期")));
        mvc.perform(get("/review/cases/" + app.caseOf("rent-subsidy")).param("lang", "en").with(reviewer(REVIEWER)))
                .andExpect(content().string(containsString("class=\"flag overdue\">Overdue")));
    }

    @Test
    void theOverviewCountsOverdueAndNearlyDueCasesPerService() throws Exception {
        int overdueBefore = count("overdue-research-station-funding");
        int soonBefore = count("due-soon-research-station-funding");
        inProgress("research-station-funding", LocalDate.now(CHINA).minusDays(1));
        inProgress("research-station-funding", LocalDate.now(CHINA));

        assertThat(count("overdue-research-station-funding")).isEqualTo(overdueBefore + 1);
        assertThat(count("due-soon-research-station-funding")).isEqualTo(soonBefore + 1);
    }

    /** A case of the service accepted (as the action leaves it) and due on the given day. */
    private CaseFixture.Submitted inProgress(String service, LocalDate dueOn) {
        CaseFixture.Submitted app = fixture.submitted(applicant, service);
        fixture.acceptedDueOn(app.caseOf(service), dueOn);
        return app;
    }

    /** The deadline flag the queue shows beside a case, or null. */
    private static String flag(String page, String reference) {
        Matcher m = Pattern.compile("id=\"deadline-" + Pattern.quote(reference) + "\" class=\"flag ([a-z-]+)\"")
                .matcher(page);
        return m.find() ? m.group(1) : null;
    }

    /** A count on the review overview (0 when the page shows none). */
    private int count(String id) throws Exception {
        String page = mvc.perform(get("/review").with(reviewer(REVIEWER))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\">(\\d+)<").matcher(page);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
