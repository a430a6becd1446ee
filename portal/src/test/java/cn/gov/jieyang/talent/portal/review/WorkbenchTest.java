package cn.gov.jieyang.talent.portal.review;

import static cn.gov.jieyang.talent.portal.login.TestLogins.reviewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jieyang.talent.identity.IdNumber;
import cn.gov.jieyang.talent.portal.PortalTest;
import cn.gov.jieyang.talent.portal.audit.AuditLog;
import cn.gov.jieyang.talent.portal.identity.IdNumberProtector;
import cn.gov.jieyang.talent.portal.profile.TestProfiles;
import cn.gov.jieyang.talent.portal.storage.ContentStore;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The workbench's list against the real database: each state in its tab with its count, each filter, each
 * kind of search (an ID number through its lookup hash only) and keyset paging through a long list. Each
 * test works on a service of its own (a fixture service), so other test classes' cases never interfere.
 */
@PortalTest
class WorkbenchTest {

    private static final String REVIEWER = "workbench-reviewer";
    private static final Pattern CASE_LINK = Pattern.compile("id=\"case-(JYRC-[0-9A-Z-]+)\"");
    private static final Pattern NEXT = Pattern.compile("id=\"next-page\" class=\"button secondary\" href=\"([^\"]+)\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog audit;
    @Autowired
    ContentStore store;
    @Autowired
    IdNumberProtector idNumbers;

    CaseFixture fixture;
    String service;
    String applicant;

    @BeforeEach
    void aServiceOfItsOwn() {
        fixture = new CaseFixture(jdbc, audit, store);
        service = fixture.localServiceWithWorkingDays(5);
        applicant = fixture.applicant("workbench", "欧阳明");
    }

    @AfterEach
    void removeIt() {
        fixture.removeService(service);
    }

    @Test
    void listsEachStateInItsTabWithItsCount() throws Exception {
        CaseFixture.Submitted a = fixture.submitted(applicant, service);
        CaseFixture.Submitted b = fixture.submitted(applicant, service);
        CaseFixture.Submitted c = fixture.submitted(applicant, service);
        CaseFixture.Submitted d = fixture.submitted(applicant, service);
        fixture.setState(b.caseOf(service), "in_progress", null);
        fixture.setState(c.caseOf(service), "returned", "请补充");
        fixture.setState(d.caseOf(service), "completed", null);

        String pending = list(get("/review").param("service", service));
        assertThat(references(pending)).containsExactly(a.reference());
        assertThat(pending).contains("id=\"tab-count-pending\">1<", "id=\"tab-count-in_progress\">1<",
                "id=\"tab-count-returned\">1<", "id=\"tab-count-completed\">1<", "id=\"tab-count-handed_off\">0<",
                "id=\"count-" + service + "-completed\">1<", ">待办<", ">办理中<", ">已退回<", ">已办结<", ">已转办<");
        assertThat(references(list(get("/review").param("service", service).param("state", "returned"))))
                .containsExactly(c.reference());
        assertThat(references(list(get("/review").param("service", service).param("state", "completed"))))
                .containsExactly(d.reference());
        assertThat(list(get("/review").param("service", service).param("lang", "en")))
                .contains(">Pending<", ">In progress<", ">Returned<", ">Completed<", ">Handed off<");
    }

    @Test
    void filtersByTheDaysOfSubmissionInChina() throws Exception {
        CaseFixture.Submitted first = fixture.submitted(applicant, service);
        CaseFixture.Submitted second = fixture.submitted(applicant, service);
        // 2 March 2026 00:30 in China is still 1 March in UTC.
        submittedAt(first, "2026-03-01T16:30:00Z");
        submittedAt(second, "2026-03-10T03:00:00Z");

        assertThat(references(list(get("/review").param("service", service).param("from", "2026-03-02")
                .param("to", "2026-03-02")))).containsExactly(first.reference());
        assertThat(references(list(get("/review").param("service", service).param("from", "2026-03-03"))))
                .containsExactly(second.reference());
        assertThat(references(list(get("/review").param("service", service).param("to", "2026-03-01")))).isEmpty();
    }

    @Test
    void filtersByWhoWorksOnTheCase() throws Exception {
        CaseFixture.Submitted mine = fixture.submitted(applicant, service);
        CaseFixture.Submitted theirs = fixture.submitted(applicant, service);
        CaseFixture.Submitted nobodys = fixture.submitted(applicant, service);
        assign(mine, REVIEWER);
        assign(theirs, "workbench-other-reviewer");

        assertThat(references(list(get("/review").param("service", service).param("assigned", "mine"))))
                .containsExactly(mine.reference());
        assertThat(references(list(get("/review").param("service", service).param("assigned", "unassigned"))))
                .containsExactly(nobodys.reference());
        String all = list(get("/review").param("service", service));
        assertThat(references(all)).containsExactlyInAnyOrder(mine.reference(), theirs.reference(), nobodys.reference());
        assertThat(all).contains("id=\"assignee-" + mine.reference() + "\">由我办理<",
                "id=\"assignee-" + nobodys.reference() + "\">未认领<");
    }

    @Test
    void searchesByReferenceNameAndCreditCode() throws Exception {
        CaseFixture.Submitted ouyang = fixture.submitted(applicant, service);
        CaseFixture.Submitted other = fixture.submitted(fixture.applicant("workbench", "李%四"), service);
        String enterprise = "workbench-ent-" + UUID.randomUUID();
        jdbc.sql("insert into applicant_profile (subject, subject_type, verification, name, usci, contact_name, "
                        + "consent_text_version, consented_at, created_at, updated_at) values (?, 'enterprise', 'declared', "
                        + "'揭阳某科技有限公司', ?, '联系人', 'v1', now(), now(), now())")
                .params(enterprise, TestProfiles.USCI).update();
        CaseFixture.Submitted company = fixture.submitted(enterprise, service);

        assertThat(references(search(ouyang.reference().toLowerCase(java.util.Locale.ROOT))))
                .containsExactly(ouyang.reference());
        assertThat(references(search("欧阳"))).containsExactly(ouyang.reference());
        // A name's % is a character, not a wildcard.
        assertThat(references(search("李%"))).containsExactly(other.reference());
        assertThat(references(search("%"))).isEmpty();
        assertThat(references(search(TestProfiles.USCI.toLowerCase(java.util.Locale.ROOT))))
                .containsExactly(company.reference());
    }

    @Test
    void findsAnExactIdNumberThroughItsLookupHashAndNeverPutsItInAUrlOrTheAuditChain() throws Exception {
        String person = "workbench-id-" + UUID.randomUUID();
        // The cipher is garbage: any decryption would fail, so a match can only come from the hash.
        jdbc.sql("insert into applicant_profile (subject, subject_type, verification, name, id_type, id_number_cipher, "
                        + "id_number_hash, id_number_masked, consent_text_version, consented_at, created_at, updated_at) "
                        + "values (?, 'individual', 'declared', '黄某', 'resident_id', '\\xdeadbeef', ?, "
                        + "'4452**********123X', 'v1', now(), now(), now())")
                .params(person, idNumbers.lookupHash(IdNumber.residentId(TestProfiles.RESIDENT_ID))).update();
        CaseFixture.Submitted theirs = fixture.submitted(person, service);
        CaseFixture.Submitted someoneElses = fixture.submitted(applicant, service);
        long searchesBefore = searches();

        String location = mvc.perform(post("/review/search").param("service", service)
                        .param("q", " " + TestProfiles.RESIDENT_ID.toLowerCase(java.util.Locale.ROOT) + " ")
                        .with(csrf()).with(reviewer(REVIEWER)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).doesNotContain(TestProfiles.RESIDENT_ID).doesNotContain("44520219851231")
                .contains("idh=").contains("idm=4452**********123X");

        String page = list(get(URI.create(location)));
        assertThat(references(page)).containsExactly(theirs.reference()).doesNotContain(someoneElses.reference());
        assertThat(page).contains("id=\"search-kind\">按证件号码查询：4452**********123X<")
                .doesNotContain(TestProfiles.RESIDENT_ID);
        assertThat(searches()).isEqualTo(searchesBefore + 1);
        assertThat(jdbc.sql("select count(*) from audit_event where detail like ?").param("%44520219851231%")
                .query(Long.class).single()).isZero();
    }

    @Test
    void pagesThroughALongListByKeysetWithEveryCaseOnceInOrder() throws Exception {
        int n = 2 * WorkbenchQueries.PAGE_SIZE + 20;
        List<String> seeded = seed(n);

        List<String> seen = new ArrayList<>();
        String next = "/review?service=" + service + "&state=pending";
        int pages = 0;
        while (next != null) {
            String page = list(get(URI.create(next.replace("&amp;", "&"))));
            List<String> refs = references(page);
            assertThat(refs.size()).isLessThanOrEqualTo(WorkbenchQueries.PAGE_SIZE);
            seen.addAll(refs);
            Matcher m = NEXT.matcher(page);
            next = m.find() ? m.group(1) : null;
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(seeded);
    }

    private List<String> seed(int n) {
        String prefix = "JYRC-20260301-W" + Integer.toString(Math.floorMod(UUID.randomUUID().hashCode(), 36 * 36 * 36), 36)
                .toUpperCase(java.util.Locale.ROOT);
        jdbc.sql("""
                insert into application (id, reference, applicant_subject, status, created_at, updated_at, submitted_at)
                select gen_random_uuid(), :prefix || lpad(i::text, 4, '0'), :subject, 'submitted', now(), now(), now()
                  from generate_series(1, :n) i
                """).param("prefix", prefix).param("subject", applicant).param("n", n).update();
        // Several cases share a second: the id breaks the tie, and the pages neither repeat nor skip one.
        jdbc.sql("""
                insert into application_case (id, application_id, service_code, state, updated_at)
                select gen_random_uuid(), a.id, :service, 'pending',
                       timestamp with time zone '2026-03-01 00:00:00+08' + (substr(a.reference, length(:prefix) + 1)::int / 3)
                           * interval '1 second'
                  from application a where a.reference like :prefix || '%'
                """).param("service", service).param("prefix", prefix).update();
        return jdbc.sql("select a.reference from application_case c join application a on a.id = c.application_id "
                        + "where c.service_code = ? order by c.updated_at, c.id")
                .param(service).query(String.class).list();
    }

    private String search(String q) throws Exception {
        String location = mvc.perform(post("/review/search").param("service", service).param("q", q)
                        .with(csrf()).with(reviewer(REVIEWER)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return list(get(URI.create(location)));
    }

    private String list(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(reviewer(REVIEWER))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private static List<String> references(String page) {
        List<String> refs = new ArrayList<>();
        Matcher m = CASE_LINK.matcher(page);
        while (m.find()) {
            refs.add(m.group(1));
        }
        return refs;
    }

    private void submittedAt(CaseFixture.Submitted app, String instant) {
        jdbc.sql("update application set submitted_at = ? where id = ?")
                .params(Timestamp.from(Instant.parse(instant)), app.id()).update();
    }

    private void assign(CaseFixture.Submitted app, String reviewer) {
        jdbc.sql("update application_case set assigned_to = ?, assigned_at = now() where id = ?")
                .params(reviewer, app.caseOf(service)).update();
    }

    private long searches() {
        return jdbc.sql("select count(*) from audit_event where event_type = 'CasesSearched'").query(Long.class).single();
    }
}
