package cn.gov.jieyang.talent.portal.review;

import static cn.gov.jieyang.talent.portal.login.TestLogins.reviewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jieyang.talent.portal.PortalTest;
import cn.gov.jieyang.talent.portal.audit.AuditEvent;
import cn.gov.jieyang.talent.portal.audit.AuditLog;
import cn.gov.jieyang.talent.portal.storage.ContentStore;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One reviewer works on a case at a time: claim, release and assign, each guarded by the case version like
 * the decisions; two reviewers claiming at once, one wins; another reviewer's case refuses every action
 * (409, nothing changed); each change, and each opening of the case page, is in the audit chain.
 */
@PortalTest
class ReviewAssignmentTest {

    private static final String ANNA = "assign-anna-" + UUID.randomUUID();
    private static final String BEN = "assign-ben-" + UUID.randomUUID();

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

    @BeforeEach
    void aPendingCase() {
        fixture = new CaseFixture(jdbc, audit, store);
        app = fixture.submitted(fixture.applicant("assign", "周小红"), "rent-subsidy");
        caseId = app.caseOf("rent-subsidy");
    }

    @Test
    void aClaimedCaseIsTheClaimersAndAnotherReviewersActionsAreRefused() throws Exception {
        act(ANNA, "claim").andExpect(status().is3xxRedirection());
        assertThat(assignee()).isEqualTo(ANNA);
        assertThat(page(ANNA)).contains("id=\"case-assignee\">由我办理<").contains("id=\"release\"")
                .doesNotContain("id=\"claim\"");

        for (String action : List.of("claim", "accept", "return", "complete", "release")) {
            act(BEN, action).andExpect(status().isConflict());
        }
        assertThat(fixture.state(caseId)).isEqualTo("pending");
        assertThat(assignee()).isEqualTo(ANNA);
        assertThat(page(BEN)).doesNotContain("id=\"claim\"").doesNotContain("id=\"release\"");
    }

    @Test
    void acceptingAnUnassignedCaseTakesItAndAStaleClaimIsRefused() throws Exception {
        int seen = fixture.version(caseId);
        act(ANNA, "accept").andExpect(status().is3xxRedirection());
        assertThat(fixture.state(caseId)).isEqualTo("in_progress");
        assertThat(assignee()).isEqualTo(ANNA);

        mvc.perform(post("/review/cases/" + caseId + "/claim").param("version", String.valueOf(seen))
                        .with(csrf()).with(reviewer(BEN)))
                .andExpect(status().isConflict());
        act(BEN, "complete").andExpect(status().isConflict());
        act(ANNA, "complete").andExpect(status().is3xxRedirection());
        assertThat(fixture.state(caseId)).isEqualTo("completed");
        // Who handled it stays on the case.
        assertThat(assignee()).isEqualTo(ANNA);
    }

    @Test
    void twoReviewersClaimingAtOnceOneWins() throws Exception {
        String version = String.valueOf(fixture.version(caseId));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (String who : List.of(ANNA, BEN)) {
                Callable<Integer> claim = () -> {
                    start.await();
                    return mvc.perform(post("/review/cases/" + caseId + "/claim").param("version", version)
                            .with(csrf()).with(reviewer(who))).andReturn().getResponse().getStatus();
                };
                results.add(pool.submit(claim));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(302, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(assignee()).isIn(ANNA, BEN);
        assertThat(events("CaseClaimed")).isEqualTo(1);
    }

    @Test
    void releasingAndAssigningHandTheCaseOnAndAreAudited() throws Exception {
        page(BEN);  // Ben opens a case page, so the workbench knows him
        act(ANNA, "claim").andExpect(status().is3xxRedirection());
        act(ANNA, "release").andExpect(status().is3xxRedirection());
        assertThat(assignee()).isNull();
        assertThat(page(ANNA)).contains("id=\"case-assignee\">未认领<").contains("id=\"claim\"")
                .contains("<option value=\"" + BEN + "\">李审核</option>");

        mvc.perform(post("/review/cases/" + caseId + "/assign").param("version", String.valueOf(fixture.version(caseId)))
                        .param("assignee", "nobody-we-know").with(csrf()).with(reviewer(ANNA)))
                .andExpect(status().isConflict());
        mvc.perform(post("/review/cases/" + caseId + "/assign").param("version", String.valueOf(fixture.version(caseId)))
                        .param("assignee", BEN).with(csrf()).with(reviewer(ANNA)))
                .andExpect(status().is3xxRedirection());
        assertThat(assignee()).isEqualTo(BEN);
        act(ANNA, "accept").andExpect(status().isConflict());
        act(BEN, "accept").andExpect(status().is3xxRedirection());

        assertThat(events("CaseClaimed")).isEqualTo(1);
        assertThat(events("CaseReleased")).isEqualTo(1);
        assertThat(events("CaseAssigned")).isEqualTo(1);
        assertThat(audit.forApplication(app.id())).filteredOn(e -> e.eventType().equals("CaseAssigned"))
                .extracting(AuditEvent::detail).containsExactly("rent-subsidy; assignee=" + BEN);
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void openingTheCasePageIsRecordedAsReviewerViewedCase() throws Exception {
        long before = events("CaseViewed");
        String page = page(ANNA);
        assertThat(events("CaseViewed")).isEqualTo(before + 1);
        assertThat(audit.forApplication(app.id())).filteredOn(e -> e.eventType().equals("CaseViewed"))
                .extracting(AuditEvent::actorSubject, AuditEvent::caseId).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ANNA, caseId));
        // The reviewer's own openings are not repeated in the case's history on the page.
        assertThat(page).doesNotContain("审核人员查看了事项");
    }

    private org.springframework.test.web.servlet.ResultActions act(String who, String action) throws Exception {
        return mvc.perform(post("/review/cases/" + caseId + "/" + action)
                .param("version", String.valueOf(fixture.version(caseId))).param("reason", "请补充材料")
                .with(csrf()).with(reviewer(who)));
    }

    private String page(String who) throws Exception {
        return mvc.perform(get("/review/cases/" + caseId).with(reviewer(who))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private String assignee() {
        return jdbc.sql("select assigned_to from application_case where id = ?").param(caseId)
                .query((rs, i) -> rs.getString(1)).list().get(0);
    }

    private long events(String type) {
        return jdbc.sql("select count(*) from audit_event where case_id = ? and event_type = ?")
                .params(caseId, type).query(Long.class).single();
    }
}
