package cn.gov.jieyang.talent.portal.review;

import static cn.gov.jieyang.talent.portal.login.TestLogins.auditor;
import static cn.gov.jieyang.talent.portal.login.TestLogins.faceVerified;
import static cn.gov.jieyang.talent.portal.login.TestLogins.reviewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Only reviewers reach /review/**, only auditors /audit, and no POST works without its CSRF token. */
@PortalTest
class ReviewAccessTest {

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
    UUID caseId;
    UUID fileId;

    @BeforeEach
    void aPendingCase() {
        fixture = new CaseFixture(jdbc, audit, store);
        String applicant = fixture.applicant("review-access", "张三");
        app = fixture.submitted(applicant, "rent-subsidy");
        caseId = app.caseOf("rent-subsidy");
        fileId = fixture.material(app, "rent-subsidy-application-form", "申请表.pdf");
    }

    @Test
    void refusesEveryReviewRouteToApplicantsAndAuditorsIncludingPosts() throws Exception {
        String applicant = app.subject();
        for (OidcLoginRequestPostProcessor who : List.of(faceVerified(applicant, "张三"), auditor("review-access-auditor"))) {
            for (MockHttpServletRequestBuilder request : reviewRoutes()) {
                mvc.perform(request.with(csrf()).with(who)).andExpect(status().isForbidden());
            }
        }
        assertThat(fixture.state(caseId)).isEqualTo("pending");
    }

    @Test
    void refusesTheAuditPageToApplicantsAndReviewers() throws Exception {
        mvc.perform(get("/audit").with(faceVerified(app.subject(), "张三"))).andExpect(status().isForbidden());
        mvc.perform(get("/audit").with(reviewer("review-access-reviewer"))).andExpect(status().isForbidden());
        mvc.perform(get("/audit").with(auditor("review-access-auditor"))).andExpect(status().isOk());
    }

    @Test
    void refusesEachReviewerPostWithoutACsrfToken() throws Exception {
        String version = String.valueOf(fixture.version(caseId));
        for (String action : List.of("accept", "return", "complete", "claim", "release", "assign")) {
            mvc.perform(post("/review/cases/" + caseId + "/" + action).param("version", version)
                            .param("reason", "理由").with(reviewer("review-access-reviewer")))
                    .andExpect(status().isForbidden());
        }
        assertThat(fixture.state(caseId)).isEqualTo("pending");
    }

    @Test
    void letsAReviewerReachEveryRoute() throws Exception {
        for (MockHttpServletRequestBuilder request : reviewRoutes().subList(0, 4)) {
            // The old address of a service's queue leads to its list on the workbench.
            mvc.perform(request.with(reviewer("review-access-reviewer")))
                    .andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(200, 302));
        }
    }

    private List<MockHttpServletRequestBuilder> reviewRoutes() {
        String version = String.valueOf(fixture.version(caseId));
        String base = "/review/cases/" + caseId;
        return List.of(get("/review"), get("/review/services/rent-subsidy"), get(base),
                get(base + "/files/" + fileId),
                post(base + "/accept").param("version", version),
                post(base + "/return").param("version", version).param("reason", "理由"),
                post(base + "/complete").param("version", version),
                post(base + "/claim").param("version", version),
                post(base + "/release").param("version", version),
                post(base + "/assign").param("version", version).param("assignee", "review-access-reviewer"),
                post("/review/search").param("q", "张三"));
    }
}
