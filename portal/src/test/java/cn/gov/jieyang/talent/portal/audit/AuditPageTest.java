package cn.gov.jieyang.talent.portal.audit;

import static cn.gov.jieyang.talent.portal.login.TestLogins.auditor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jieyang.talent.portal.PortalTest;
import cn.gov.jieyang.talent.portal.audit.AuditEntry.ActorRole;
import cn.gov.jieyang.talent.portal.review.CaseFixture;
import cn.gov.jieyang.talent.portal.storage.ContentStore;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The auditor's page reports the chain as AuditLog.verify() recomputes it, including a tampered event,
 * and what the signed checkpoints say: events cut off the end, or the sealed head rewritten, which the
 * links alone cannot show.
 */
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

    private AuditEvent record(String type, UUID application, String detail) {
        return audit.record(new AuditEntry("audit-page-applicant", ActorRole.APPLICANT, type, application, null, detail));
    }

    /** Seals the head as an auditor's export does first (checkpoints are also made hourly and on shutdown). */
    private void exportSealingTheHead() throws Exception {
        mvc.perform(get("/audit/export").with(auditor(AUDITOR))).andReturn();
    }

    private List<Map<String, Object>> eventsAfter(long seq) {
        return jdbc.sql("select seq, occurred_at, actor_subject, actor_role, event_type, application_id, case_id, detail, "
                + "prev_hash, hash from audit_event where seq > ? order by seq").param(seq).query().listOfRows();
    }

    /** Puts deleted events back exactly (the database is shared by every test class). */
    private void restore(List<Map<String, Object>> rows) {
        for (Map<String, Object> r : rows) {
            jdbc.sql("insert into audit_event (seq, occurred_at, actor_subject, actor_role, event_type, application_id, "
                            + "case_id, detail, prev_hash, hash) values (?,?,?,?,?,?,?,?,?,?)")
                    .params(r.get("seq"), r.get("occurred_at"), r.get("actor_subject"), r.get("actor_role"),
                            r.get("event_type"), r.get("application_id"), r.get("case_id"), r.get("detail"),
                            r.get("prev_hash"), r.get("hash"))
                    .update();
        }
    }

    @Test
    void reportsEventsCutOffTheEndOfTheChainAfterACheckpoint() throws Exception {
        UUID app = UUID.randomUUID();
        AuditEvent kept = record("ApplicationSubmitted", app, "kept");
        record("PackageSigned", app, "cut off");
        record("CaseHandedOff", app, "cut off");
        exportSealingTheHead();
        AuditEvent sealedHead = audit.latest(1).get(0);
        List<Map<String, Object>> cut = eventsAfter(kept.seq());

        jdbc.sql("delete from audit_event where seq > ?").param(kept.seq()).update();
        try {
            assertThat(audit.verify().intact()).as("the links alone cannot tell a cut-off tail").isTrue();
            mvc.perform(get("/audit").with(auditor(AUDITOR)).param("lang", "en"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("id=\"chain-truncated\"")))
                    .andExpect(content().string(containsString("id=\"chain-checkpoint-seq\">" + sealedHead.seq() + "<")))
                    .andExpect(content().string(containsString("the chain now ends at event " + kept.seq())))
                    .andExpect(content().string(not(containsString("id=\"chain-intact\""))));
        } finally {
            restore(cut);
        }
        mvc.perform(get("/audit").with(auditor(AUDITOR)))
                .andExpect(content().string(containsString("id=\"chain-intact\"")))
                .andExpect(content().string(not(containsString("id=\"chain-truncated\""))));
    }

    @Test
    void reportsTheSealedHeadRewrittenWithAFreshHash() throws Exception {
        record("ApplicationSubmitted", UUID.randomUUID(), "before the rewrite");
        exportSealingTheHead();
        AuditEvent head = audit.latest(1).get(0);
        String rewritten = AuditLog.hash(head.prevHash(), head.occurredAt(), head.actorSubject(), head.actorRole(),
                head.eventType(), head.applicationId(), head.caseId(), "format=999");

        jdbc.sql("update audit_event set detail = 'format=999', hash = ? where seq = ?").params(rewritten, head.seq()).update();
        try {
            assertThat(audit.verify().intact()).as("the last event rehashed: the links alone cannot tell").isTrue();
            mvc.perform(get("/audit").with(auditor(AUDITOR)))
                    .andExpect(content().string(containsString("id=\"chain-rewritten\"")))
                    .andExpect(content().string(containsString("id=\"chain-checkpoint-seq\">" + head.seq() + "<")))
                    .andExpect(content().string(not(containsString("id=\"chain-intact\""))));
        } finally {
            jdbc.sql("update audit_event set detail = ?, hash = ? where seq = ?")
                    .params(head.detail(), head.hash(), head.seq()).update();
        }
        mvc.perform(get("/audit").with(auditor(AUDITOR)))
                .andExpect(content().string(containsString("id=\"chain-intact\"")));
    }

    @Test
    void linksTheExportAndShowsTheNewestCheckpointInBothLanguages() throws Exception {
        exportSealingTheHead();
        for (String lang : new String[] {"zh-CN", "en"}) {
            mvc.perform(get("/audit").with(auditor(AUDITOR)).param("lang", lang))
                    .andExpect(content().string(containsString("id=\"audit-export\" href=\"/audit/export\"")))
                    .andExpect(content().string(containsString("id=\"checkpoint-newest-seq\">")))
                    .andExpect(content().string(containsString("id=\"checkpoint-seal-valid\"")))
                    .andExpect(content().string(not(containsString("??"))));
        }
    }
}
