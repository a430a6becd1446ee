package cn.gov.jieyang.talent.portal.review;

import static cn.gov.jieyang.talent.portal.login.TestLogins.reviewerOf;
import static cn.gov.jieyang.talent.portal.login.TestLogins.supervisor;
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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Who reviews what (V15): a reviewer of the talent group (services 1–2) neither sees nor acts on a rent-subsidy
 * case (service 9) — every route a 404, as for a case that does not exist — and the workbench lists and counts
 * only their services; a reviewer with no group reviews nothing; a supervisor sees every service and (re)assigns
 * any open case, only to reviewers of its service.
 */
@PortalTest
class ReviewScopeTest {

    private static final String TALENT = "scope-talent-" + UUID.randomUUID();
    private static final String FUNDING = "scope-funding-" + UUID.randomUUID();
    private static final String CHIEF = "scope-supervisor-" + UUID.randomUUID();

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
    UUID rent;
    UUID talent;
    UUID rentFile;

    @BeforeEach
    void aBundleOfTalentRecognitionAndRentSubsidy() {
        fixture = new CaseFixture(jdbc, audit, store);
        app = fixture.submitted(fixture.applicant("scope", "吴小兰"), "talent-recognition", "rent-subsidy");
        rent = app.caseOf("rent-subsidy");
        talent = app.caseOf("talent-recognition");
        rentFile = fixture.material(app, "rent-subsidy-application-form", "租房.pdf");
    }

    @Test
    void aReviewerOfServicesOneAndTwoGetsNotFoundOnEveryRouteOfAServiceNineCase() throws Exception {
        OidcLoginRequestPostProcessor me = talentReviewer();
        String version = String.valueOf(fixture.version(rent));
        String base = "/review/cases/" + rent;
        mvc.perform(get(base).with(me)).andExpect(status().isNotFound());
        mvc.perform(get(base + "/files/" + rentFile).with(me)).andExpect(status().isNotFound());
        for (String action : List.of("accept", "return", "complete", "claim", "release", "assign")) {
            mvc.perform(post(base + "/" + action).param("version", version).param("reason", "理由")
                            .param("assignee", TALENT).with(csrf()).with(me))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/review/services/rent-subsidy").with(me)).andExpect(status().isNotFound());
        assertThat(fixture.state(rent)).isEqualTo("pending");
        assertThat(fixture.version(rent)).isEqualTo(Integer.parseInt(version));

        mvc.perform(get("/review/cases/" + talent).with(me)).andExpect(status().isOk());
    }

    /**
     * A signed package holds every service's answers and materials: the talent reviewer of a bundle with the
     * rent subsidy would read its bank account in it (issue 12, item 7). Measured on main: 200 for that
     * bundle. A reviewer downloads the package only when every service in it is theirs.
     */
    @Test
    void aReviewerDownloadsOnlyPackagesWhoseEveryServiceIsTheirs() throws Exception {
        CaseFixture.Submitted rentOnly = fixture.submitted(fixture.applicant("scope", "郑小平"), "rent-subsidy");
        CaseFixture.Submitted talentOnly = fixture.submitted(fixture.applicant("scope", "钱小红"), "talent-recognition");
        mvc.perform(get("/applications/" + talentOnly.id() + "/packages/1").with(talentReviewer()))
                .andExpect(status().isOk());
        mvc.perform(get("/applications/" + app.id() + "/packages/1").with(talentReviewer()))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("submission.package-beyond-scope")));
        mvc.perform(get("/applications/" + rentOnly.id() + "/packages/1").with(talentReviewer()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/applications/" + rentOnly.id() + "/packages/1").with(reviewerOf(FUNDING, "reviewer-funding")))
                .andExpect(status().isOk());
        mvc.perform(get("/applications/" + app.id() + "/packages/1")
                        .with(reviewerOf(TALENT, "reviewer-talent", "reviewer-funding")))
                .andExpect(status().isOk());
        mvc.perform(get("/applications/" + app.id() + "/packages/1").with(supervisor(CHIEF)))
                .andExpect(status().isOk());

        // The case page says so instead of offering a link that would be refused.
        String page = mvc.perform(get("/review/cases/" + talent).with(talentReviewer())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"packages-beyond-scope\"").doesNotContain("id=\"package-v1\"");
    }

    @Test
    void theWorkbenchListsAndCountsOnlyTheReviewersServices() throws Exception {
        String page = mvc.perform(get("/review").param("q", app.reference()).with(talentReviewer())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"queue-talent-recognition\"", "id=\"queue-chief-technician\"",
                        "id=\"case-" + app.reference() + "\"")
                .doesNotContain("id=\"queue-rent-subsidy\"").doesNotContain("id=\"count-rent-subsidy-pending\"")
                .doesNotContain("<option value=\"rent-subsidy\"").doesNotContain("id=\"no-scope\"");
        // Asked for another service's list, the reviewer gets their own services' list.
        String asked = mvc.perform(get("/review").param("service", "rent-subsidy").with(talentReviewer()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(asked).doesNotContain("href=\"/review/cases/" + rent + "\"");

        String nothing = mvc.perform(get("/review").with(reviewerOf("scope-nobody-" + UUID.randomUUID())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(nothing).contains("id=\"no-scope\"").doesNotContain("id=\"case-").doesNotContain("id=\"queue-");
    }

    @Test
    void aSupervisorSeesEveryServiceAndReassignsOnlyToReviewersOfTheCasesService() throws Exception {
        mvc.perform(get("/review").with(talentReviewer())).andExpect(status().isOk());
        mvc.perform(get("/review").with(reviewerOf(FUNDING, "reviewer-funding"))).andExpect(status().isOk());
        String page = mvc.perform(get("/review").with(supervisor(CHIEF))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"queue-rent-subsidy\"", "id=\"queue-talent-recognition\"", "id=\"counts-title-review\"");

        // The funding reviewer takes the rent-subsidy case; the supervisor gives it to... not the talent reviewer.
        claim(rent, reviewerOf(FUNDING, "reviewer-funding")).andExpect(status().is3xxRedirection());
        String casePage = mvc.perform(get("/review/cases/" + rent).with(supervisor(CHIEF))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(casePage).contains("id=\"release\"").doesNotContain("<option value=\"" + TALENT + "\"");
        assign(rent, TALENT, supervisor(CHIEF)).andExpect(status().isConflict());
        assertThat(assignee(rent)).isEqualTo(FUNDING);

        // Taken away from the funding reviewer and given to the supervisor, who reviews everything.
        assign(rent, CHIEF, supervisor(CHIEF)).andExpect(status().is3xxRedirection());
        assertThat(assignee(rent)).isEqualTo(CHIEF);
        mvc.perform(post("/review/cases/" + rent + "/release").param("version", String.valueOf(fixture.version(rent)))
                        .with(csrf()).with(supervisor(CHIEF)))
                .andExpect(status().is3xxRedirection());
        assertThat(assignee(rent)).isNull();

        // A plain reviewer may not take another's case away, nor give a case to someone outside its service.
        claim(rent, reviewerOf(FUNDING, "reviewer-funding")).andExpect(status().is3xxRedirection());
        String otherFunding = "scope-funding-two-" + UUID.randomUUID();
        mvc.perform(get("/review").with(reviewerOf(otherFunding, "reviewer-funding"))).andExpect(status().isOk());
        assign(rent, otherFunding, reviewerOf(otherFunding, "reviewer-funding")).andExpect(status().isConflict());
        assertThat(assignee(rent)).isEqualTo(FUNDING);
        assign(talent, FUNDING, talentReviewer()).andExpect(status().isConflict());
        assertThat(assignee(talent)).isNull();
    }

    private OidcLoginRequestPostProcessor talentReviewer() {
        return reviewerOf(TALENT, "reviewer-talent");
    }

    private org.springframework.test.web.servlet.ResultActions claim(UUID caseId, OidcLoginRequestPostProcessor who)
            throws Exception {
        return mvc.perform(post("/review/cases/" + caseId + "/claim").param("version", String.valueOf(fixture.version(caseId)))
                .with(csrf()).with(who));
    }

    private org.springframework.test.web.servlet.ResultActions assign(UUID caseId, String to,
            OidcLoginRequestPostProcessor who) throws Exception {
        return mvc.perform(post("/review/cases/" + caseId + "/assign").param("version", String.valueOf(fixture.version(caseId)))
                .param("assignee", to).with(csrf()).with(who));
    }

    private String assignee(UUID caseId) {
        return jdbc.sql("select assigned_to from application_case where id = ?").param(caseId)
                .query((rs, i) -> rs.getString(1)).list().get(0);
    }
}
