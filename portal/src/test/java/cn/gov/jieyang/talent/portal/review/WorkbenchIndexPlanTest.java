package cn.gov.jieyang.talent.portal.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.portal.PortalTest;
import cn.gov.jieyang.talent.portal.cases.CaseState;
import cn.gov.jieyang.talent.portal.deadlines.Deadlines;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workbench's page query stays fast at 100,000 cases because an index serves it: seeded with that many
 * (generate_series, rolled back after the test), the planner reads the cases in the list's order from V14's
 * indexes and stops after a page — no sort of the whole list, no sequential scan of the cases — on the first
 * page and deep into the list. The plan is checked, not the time.
 */
@PortalTest
@Transactional
class WorkbenchIndexPlanTest {

    private static final int CASES = 100_000;
    private static final String ME = "plan-reviewer";
    /** A reviewer of the talent group (V15): two of the four services seeded. */
    private static final ReviewScope.Scope TALENT = new ReviewScope.Scope(false,
            java.util.Set.of("talent-recognition", "chief-technician"));

    @Autowired
    JdbcClient jdbc;
    @Autowired
    WorkbenchQueries workbench;
    @Autowired
    Deadlines deadlines;

    @Test
    void everyPageIsReadFromAnIndexOnTheFirstPageDeepInTheListAndForAllServices() {
        seed();
        String firstPage = plan(filter("talent-recognition", "pending", null));
        assertThat(firstPage).as("the plan:%n%s", firstPage).contains("Index Scan using application_case_workbench_idx").doesNotContain("Sort")
                .doesNotContain("Seq Scan on application_case");

        // Deep in the list: after a case 40,000 places in, still read from the index, from that place on.
        WorkbenchCursor deep = new WorkbenchCursor(LocalDate.now().plusDays(10),
                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(40_000), UUID.randomUUID());
        String later = plan(filter("talent-recognition", "in_progress", deep.toString()));
        assertThat(later).as("the plan:%n%s", later).contains("Index Scan using application_case_workbench_idx").doesNotContain("Sort")
                .doesNotContain("Seq Scan on application_case");

        // All the reviewer's services at once: from their own index.
        String plan = plan(filter(null, "completed", null));
        assertThat(plan).as("the plan:%n%s", plan).contains("Index Scan using application_case_workbench_all_idx").doesNotContain("Sort")
                .doesNotContain("Seq Scan on application_case");
    }

    private WorkbenchFilter filter(String service, String state, String after) {
        return WorkbenchFilter.of(service, state, null, null, null, null, null, after);
    }

    private String plan(WorkbenchFilter filter) {
        WorkbenchQueries.Query q = workbench.query(filter, ME, deadlines.bounds(), TALENT);
        List<String> lines = jdbc.sql("explain " + q.sql() + " limit " + (WorkbenchQueries.PAGE_SIZE + 1))
                .params(q.params()).query(String.class).list();
        return String.join("\n", lines);
    }

    /**
     * 100,000 submitted cases of 10,000 applicants over the four services handled here and the five states, in
     * one statement each.
     */
    private void seed() {
        String subject = "plan-applicant-" + UUID.randomUUID() + "-";
        jdbc.sql("""
                insert into applicant_profile (subject, subject_type, verification, name, id_type, id_number_cipher,
                                               id_number_hash, id_number_masked, consent_text_version, consented_at,
                                               created_at, updated_at)
                select :subject || j, 'individual', 'declared', '计划' || j, 'resident_id', '\\x01'::bytea,
                       decode(md5('plan' || j), 'hex'), '4452**********123X', 'v1', now(), now(), now()
                  from generate_series(0, 9999) j
                """).param("subject", subject).update();
        jdbc.sql("""
                insert into application (id, reference, applicant_subject, status, created_at, updated_at, submitted_at)
                select md5('plan' || i)::uuid, 'JYRC-20260101-P' || lpad(i::text, 7, '0'), :subject || (i % 10000), 'submitted',
                       timestamp '2026-01-01' + i * interval '1 second', timestamp '2026-01-01' + i * interval '1 second',
                       timestamp '2026-01-01' + i * interval '1 second'
                  from generate_series(1, :n) i
                """).param("subject", subject).param("n", CASES).update();
        jdbc.sql("""
                insert into application_case (id, application_id, service_code, state, return_reason, accepted_at, due_on,
                                              updated_at, assigned_to, assigned_at)
                select gen_random_uuid(), md5('plan' || i)::uuid,
                       (array['talent-recognition', 'chief-technician', 'research-station-funding', 'rent-subsidy'])[i % 4 + 1],
                       s.state, case when s.state = :returned then '请补充' end,
                       case when s.state in (:inProgress, :completed) then timestamp '2026-01-02' end,
                       case when s.state in (:inProgress, :completed) then current_date + (i % 60) - 20 end,
                       timestamp '2026-01-01' + i * interval '1 second',
                       case when i % 7 = 0 then :me end, case when i % 7 = 0 then now() end
                  from generate_series(1, :n) i
                  cross join lateral (select (array[:states])[(i / 4) % 5 + 1] as state) s
                """)
                .param("returned", CaseState.RETURNED.code())
                .param("inProgress", CaseState.IN_PROGRESS.code())
                .param("completed", CaseState.COMPLETED.code())
                .param("me", ME)
                .param("states", WorkbenchFilter.STATES.stream().map(CaseState::code).toList())
                .param("n", CASES)
                .update();
        assertThat(jdbc.sql("select count(*) from application a where a.applicant_subject like ?").param(subject + "%")
                .query(Long.class).single()).isEqualTo(CASES);
        jdbc.sql("analyze application_case").update();
        jdbc.sql("analyze application").update();
        jdbc.sql("analyze applicant_profile").update();
    }
}
