package cn.gov.jieyang.talent.portal.review;

import static cn.gov.jieyang.talent.portal.login.TestLogins.reviewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jieyang.talent.portal.PortalTest;
import cn.gov.jieyang.talent.portal.audit.AuditLog;
import cn.gov.jieyang.talent.portal.storage.ContentStore;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** What a reviewer sees: counts, a service's queue in order, and a case with everything needed to decide. */
@PortalTest
class ReviewPagesTest {

    private static final String REVIEWER = "review-pages-reviewer";

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
        applicant = fixture.applicant("review-pages", "陈<i>小明</i>");
    }

    @Test
    void showsCountsPerServiceAndQueueLinksOnlyForServicesHandledHere() throws Exception {
        fixture.submitted(applicant, "research-station-funding", "title-review");

        mvc.perform(get("/review").with(reviewer(REVIEWER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"queue-research-station-funding\"")))
                .andExpect(content().string(containsString("id=\"count-research-station-funding-pending\"")))
                .andExpect(content().string(containsString("id=\"count-title-review-handed_off\"")))
                .andExpect(content().string(not(containsString("id=\"queue-title-review\""))));
    }

    @Test
    void listsPendingCasesOldestFirstAndCasesInProgressInTheirOwnTab() throws Exception {
        CaseFixture.Submitted newer = fixture.submitted(applicant, "talent-recognition");
        CaseFixture.Submitted older = fixture.submitted(applicant, "talent-recognition");
        CaseFixture.Submitted accepted = fixture.submitted(applicant, "talent-recognition");
        since(older, "2026-01-05T01:00:00Z");
        since(newer, "2026-01-06T01:00:00Z");
        since(accepted, "2026-01-01T01:00:00Z");
        fixture.setState(accepted.caseOf("talent-recognition"), "in_progress", null);

        String page = mvc.perform(get("/review/services/talent-recognition").with(reviewer(REVIEWER)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        page = mvc.perform(get(java.net.URI.create(page)).with(reviewer(REVIEWER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        int o = page.indexOf("id=\"case-" + older.reference() + "\"");
        int n = page.indexOf("id=\"case-" + newer.reference() + "\"");
        assertThat(o).isPositive();
        assertThat(o).isLessThan(n);
        assertThat(page).doesNotContain("id=\"case-" + accepted.reference() + "\"");
        assertThat(mvc.perform(get("/review").param("service", "talent-recognition").param("state", "in_progress")
                        .with(reviewer(REVIEWER))).andReturn().getResponse().getContentAsString())
                .contains("id=\"case-" + accepted.reference() + "\"");
    }

    @Test
    void showsTheCaseWithApplicantMaskedIdAnswersMaterialsPackagesAndHistory() throws Exception {
        CaseFixture.Submitted app = fixture.submitted(applicant, "rent-subsidy");
        UUID file = fixture.material(app, "rent-subsidy-application-form", "租房<申请>.pdf");
        jdbc.sql("insert into application_answer (application_id, field_code, value) values (?, 'current-employer', ?)")
                .params(app.id(), "揭阳<b>某</b>公司").update();
        UUID caseId = app.caseOf("rent-subsidy");

        mvc.perform(get("/review/cases/" + caseId).with(reviewer(REVIEWER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"applicant-name\">陈&lt;i&gt;小明&lt;/i&gt;<")))
                .andExpect(content().string(containsString("4452**********123X")))
                .andExpect(content().string(containsString("class=\"badge verified\"")))
                .andExpect(content().string(containsString("id=\"answer-current-employer\">揭阳&lt;b&gt;某&lt;/b&gt;公司<")))
                .andExpect(content().string(containsString("id=\"file-" + file + "\"")))
                .andExpect(content().string(containsString("租房&lt;申请&gt;.pdf")))
                .andExpect(content().string(containsString("id=\"package-v1\"")))
                .andExpect(content().string(containsString("id=\"accept\"")))
                .andExpect(content().string(containsString("id=\"reason\"")))
                .andExpect(content().string(containsString("id=\"return\"")))
                .andExpect(content().string(not(containsString("id=\"complete\""))))
                .andExpect(content().string(containsString("提交申请")));
    }

    @Test
    void servesAMaterialFileOfTheCaseInlineFromTheContentStore() throws Exception {
        CaseFixture.Submitted app = fixture.submitted(applicant, "rent-subsidy");
        UUID file = fixture.material(app, "rent-subsidy-application-form", "申请表.pdf");

        byte[] body = mvc.perform(get("/review/cases/" + app.caseOf("rent-subsidy") + "/files/" + file)
                        .with(reviewer(REVIEWER)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Security-Policy", "sandbox"))
                .andExpect(header().string("Content-Disposition", containsString("inline")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(body, java.nio.charset.StandardCharsets.US_ASCII)).startsWith("%PDF-1.4");
    }

    @Test
    void refusesAFileOfAnotherApplicationThroughThisCase() throws Exception {
        CaseFixture.Submitted mine = fixture.submitted(applicant, "rent-subsidy");
        CaseFixture.Submitted other = fixture.submitted(fixture.applicant("review-pages-other", "李四"), "rent-subsidy");
        UUID othersFile = fixture.material(other, "rent-subsidy-application-form", "别人的.pdf");

        mvc.perform(get("/review/cases/" + mine.caseOf("rent-subsidy") + "/files/" + othersFile)
                        .with(reviewer(REVIEWER)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/review/cases/" + mine.caseOf("rent-subsidy") + "/files/not-a-uuid")
                        .with(reviewer(REVIEWER)))
                .andExpect(status().isNotFound());
    }

    @Test
    void linksEachPackageVersionToTheOneAuditedDownloadAndAuditsOpenedMaterials() throws Exception {
        CaseFixture.Submitted app = fixture.submitted(applicant, "rent-subsidy");
        fixture.pkg(app, 2);
        String page = mvc.perform(get("/review/cases/" + app.caseOf("rent-subsidy")).with(reviewer(REVIEWER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("href=\"/applications/" + app.id() + "/packages/2\"");

        String v2 = mvc.perform(get("/applications/" + app.id() + "/packages/2").with(reviewer(REVIEWER)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString(app.reference() + "-v2.asice")))
                .andReturn().getResponse().getContentAsString();
        assertThat(v2).isEqualTo("PK package " + app.reference() + " v2");
        assertThat(eventsOf(app, "PackageDownloaded")).isEqualTo(1);

        UUID file = fixture.material(app, "id-document", "id.pdf");
        mvc.perform(get("/review/cases/" + app.caseOf("rent-subsidy") + "/files/" + file).with(reviewer(REVIEWER)))
                .andExpect(status().isOk());
        assertThat(eventsOf(app, "MaterialViewed")).isEqualTo(1);
    }

    private long eventsOf(CaseFixture.Submitted app, String type) {
        return jdbc.sql("select count(*) from audit_event where application_id = ? and event_type = ?")
                .params(app.id(), type).query(Long.class).single();
    }

    @Test
    void showsTheSealedFilesNotOnesTheApplicantIsReplacingForAnotherReturnedCase() throws Exception {
        CaseFixture.Submitted app = fixture.submitted(applicant, "talent-recognition", "rent-subsidy");
        fixture.material(app, "id-document", "sealed-id.pdf");
        fixture.setState(app.caseOf("rent-subsidy"), "returned", "请补充");
        // The applicant replaces the shared ID document for the returned case (not yet resubmitted).
        String sha = store.storeMaterial(new java.io.ByteArrayInputStream(
                "%PDF-1.4\n% replacement\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))).sha256();
        jdbc.sql("insert into application_material (id, application_id, material_code, file_sha256, file_name, "
                        + "uploaded_at) values (?, ?, 'id-document', ?, 'unsealed-replacement.pdf', now())")
                .params(UUID.randomUUID(), app.id(), sha).update();

        mvc.perform(get("/review/cases/" + app.caseOf("talent-recognition")).with(reviewer(REVIEWER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("sealed-id.pdf")))
                .andExpect(content().string(not(containsString("unsealed-replacement.pdf"))));
    }

    @Test
    void answersAnUnknownServiceWithNotFound() throws Exception {
        mvc.perform(get("/review/services/no-such-service").with(reviewer(REVIEWER))).andExpect(status().isNotFound());
    }

    private void since(CaseFixture.Submitted app, String instant) {
        jdbc.sql("update application_case set updated_at = ? where application_id = ?")
                .params(Timestamp.from(Instant.parse(instant)), app.id()).update();
    }
}
