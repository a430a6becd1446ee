package cn.gov.jieyang.talent.portal.audit;

import static cn.gov.jieyang.talent.portal.login.TestLogins.auditor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jieyang.talent.portal.PortalTest;
import cn.gov.jieyang.talent.portal.review.CaseFixture;
import cn.gov.jieyang.talent.portal.storage.ContentStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The auditor's page reports the chain as AuditLog.verify() recomputes it, including a tampered event. */
@PortalTest
class AuditPageTest {

    private static final String AUDITOR = "audit-page-auditor";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog audit;
    @Autowired
    ContentStore store;

    @Test
    void showsAnIntactChainWithItsCountHeadAndLatestEvents() throws Exception {
        CaseFixture fixture = new CaseFixture(jdbc, audit, store);
        fixture.submitted(fixture.applicant("audit-page", "张三"), "rent-subsidy");
        ChainCheck check = audit.verify();
        assertThat(check.intact()).as("chain intact before this test").isTrue();
        AuditEvent last = audit.latest(1).get(0);

        mvc.perform(get("/audit").with(auditor(AUDITOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"chain-intact\"")))
                .andExpect(content().string(not(containsString("id=\"chain-broken\""))))
                .andExpect(content().string(containsString("id=\"chain-head\" class=\"hash\">" + last.hash() + "<")))
                .andExpect(content().string(containsString("id=\"event-" + last.seq() + "\"")));
    }

    @Test
    void showsTheFirstTamperedEventAsBroken() throws Exception {
        CaseFixture fixture = new CaseFixture(jdbc, audit, store);
        String applicant = fixture.applicant("audit-page", "张三");
        CaseFixture.Submitted app = fixture.submitted(applicant, "rent-subsidy");
        fixture.submitted(applicant, "talent-recognition"); // a later event, whose link stays as it was
        assertThat(audit.verify().intact()).as("chain intact before this test").isTrue();
        AuditEvent tampered = audit.forApplication(app.id()).get(0);

        jdbc.sql("update audit_event set detail = 'rewritten' where seq = ?").param(tampered.seq()).update();
        try {
            mvc.perform(get("/audit").with(auditor(AUDITOR)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("id=\"chain-broken\"")))
                    .andExpect(content().string(containsString("id=\"chain-broken-seq\">" + tampered.seq() + "<")))
                    .andExpect(content().string(not(containsString("id=\"chain-intact\""))));
        } finally {
            // The database is shared by every test class: put the chain back as it was.
            jdbc.sql("update audit_event set detail = ? where seq = ?").params(tampered.detail(), tampered.seq()).update();
        }
        assertThat(audit.verify().intact()).isTrue();
    }
}
