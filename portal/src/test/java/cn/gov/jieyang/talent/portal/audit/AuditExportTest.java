package cn.gov.jieyang.talent.portal.audit;

import static cn.gov.jieyang.talent.portal.login.TestLogins.auditor;
import static cn.gov.jieyang.talent.portal.login.TestLogins.faceVerified;
import static cn.gov.jieyang.talent.portal.login.TestLogins.reviewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jieyang.talent.portal.PortalTest;
import cn.gov.jieyang.talent.portal.audit.AuditEntry.ActorRole;
import cn.gov.jieyang.talent.portal.sealing.SealKey;
import cn.gov.jieyang.talent.signing.AuditExportReport;
import cn.gov.jieyang.talent.signing.AuditExportVerifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code GET /audit/export}: auditors only; JSON Lines with every event (every hashed field) and every
 * checkpoint with its seal; the export is itself an audited event, sealed by a checkpoint made first; and
 * the signing library's offline checker finds the export intact against the seal's CA.
 */
@PortalTest
class AuditExportTest {

    private static final String AUDITOR = "audit-export-auditor";

    @Autowired
    MockMvc mvc;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SealKey seal;
    @TempDir
    Path temp;

    private byte[] export() throws Exception {
        return mvc.perform(get("/audit/export").with(auditor(AUDITOR)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", startsWith("application/jsonl")))
                .andExpect(header().string("Content-Disposition", containsString("attachment; filename=\"audit-export-")))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn().getResponse().getContentAsByteArray();
    }

    @Test
    void exportsEveryEventAndCheckpointThatTheOfflineCheckerFindsIntact() throws Exception {
        UUID app = UUID.randomUUID();
        audit.record(new AuditEntry("export-applicant", ActorRole.APPLICANT, "ApplicationSubmitted", app, null,
                "multi-line\ndetail with \"quotes\", \\ and \u001f"));
        audit.record(new AuditEntry("export-reviewer", ActorRole.REVIEWER, "CaseReturned", app, UUID.randomUUID(),
                "原因：材料不全"));

        byte[] body = export();

        List<String> lines = new String(body, StandardCharsets.UTF_8).lines().toList();
        long events = jdbc.sql("select count(*) from audit_event").query(Long.class).single();
        long checkpoints = jdbc.sql("select count(*) from audit_checkpoint").query(Long.class).single();
        assertThat(lines.get(0)).startsWith("{\"kind\":\"audit-export\",\"format\":1,\"chain\":\"portal\",");
        assertThat(lines).filteredOn(l -> l.startsWith("{\"kind\":\"event\"")).hasSize((int) events);
        assertThat(lines).filteredOn(l -> l.startsWith("{\"kind\":\"checkpoint\"")).hasSize((int) checkpoints)
                .allSatisfy(l -> assertThat(l).contains("\"signature\":\"MI"));
        assertThat(lines.get(lines.size() - 1))
                .isEqualTo("{\"kind\":\"end\",\"events\":" + events + ",\"checkpoints\":" + checkpoints + "}");
        AuditEvent exported = audit.latest(1).get(0);
        assertThat(exported.eventType()).isEqualTo("AuditExported");
        assertThat(exported.actorSubject()).isEqualTo(AUDITOR);
        assertThat(exported.actorRole()).isEqualTo(ActorRole.AUDITOR);

        Path file = Files.write(temp.resolve("export.jsonl"), body);
        AuditExportReport report = AuditExportVerifier.builder().trustAnchor(seal.trustAnchor()).build().verify(file);
        assertThat(report.isIntact()).as(report.findings().toString()).isTrue();
        assertThat(report.events()).isEqualTo(events);
        assertThat(report.headSeq()).isEqualTo(exported.seq());
        assertThat(report.checkpoints()).hasSize((int) checkpoints);
        // The checkpoint made before the export seals everything the export holds.
        assertThat(report.eventsAfterNewestCheckpoint()).isZero();
    }

    @Test
    void isForAuditorsOnly() throws Exception {
        mvc.perform(get("/audit/export").with(faceVerified("export-applicant-" + UUID.randomUUID(), "张三")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/audit/export").with(reviewer("export-reviewer")))
                .andExpect(status().isForbidden());
    }
}
