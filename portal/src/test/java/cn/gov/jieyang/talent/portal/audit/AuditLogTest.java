package cn.gov.jieyang.talent.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.portal.PortalTest;
import cn.gov.jieyang.talent.portal.audit.AuditEntry.ActorRole;
import cn.gov.jieyang.talent.signing.AuditChain;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit hash chain. Each test runs in a transaction that is rolled back, so the tampering it does
 * never reaches the chain other tests share.
 */
@PortalTest
@Transactional
class AuditLogTest {

    @Autowired
    AuditLog log;
    @Autowired
    JdbcClient jdbc;

    private AuditEvent record(String type, UUID application, String detail) {
        return log.record(new AuditEntry("audit-test", ActorRole.APPLICANT, type, application, null, detail));
    }

    @Test
    void chainsEachEventToThePreviousOneAndVerifiesIntact() {
        UUID app = UUID.randomUUID();
        AuditEvent first = record("ApplicationSubmitted", app, "one");
        AuditEvent second = record("PackageSigned", app, "two");

        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(second.seq()).isGreaterThan(first.seq());
        assertThat(log.forApplication(app)).containsExactly(first, second);
        assertThat(log.verify()).satisfies(check -> {
            assertThat(check.intact()).isTrue();
            assertThat(check.firstBroken()).isEqualTo(-1);
            assertThat(check.headHash()).isEqualTo(second.hash());
        });
    }

    @Test
    void detectsAnEditedEventAtThatEvent() {
        UUID app = UUID.randomUUID();
        record("ApplicationSubmitted", app, "one");
        AuditEvent edited = record("CaseReturned", app, "reason=incomplete");
        record("CaseCompleted", app, "three");

        jdbc.sql("update audit_event set detail = 'reason=none' where seq = ?").param(edited.seq()).update();

        assertThat(log.verify()).satisfies(check -> {
            assertThat(check.intact()).isFalse();
            assertThat(check.firstBroken()).isEqualTo(edited.seq());
        });
    }

    @Test
    void detectsAnEditedTimeOrActorEvenWithTheHashLeftAlone() {
        UUID app = UUID.randomUUID();
        AuditEvent event = record("ApplicationSubmitted", app, "one");

        jdbc.sql("update audit_event set actor_subject = 'someone-else' where seq = ?").param(event.seq()).update();

        assertThat(log.verify().firstBroken()).isEqualTo(event.seq());
    }

    @Test
    void detectsADeletedEventAtTheOneAfterIt() {
        UUID app = UUID.randomUUID();
        record("ApplicationSubmitted", app, "one");
        AuditEvent deleted = record("PackageSigned", app, "two");
        AuditEvent after = record("CaseHandedOff", app, "three");

        jdbc.sql("delete from audit_event where seq = ?").param(deleted.seq()).update();

        assertThat(log.verify().firstBroken()).isEqualTo(after.seq());
    }

    @Test
    void hashesFieldsSoThatMovingASeparatorChangesTheHash() {
        Instant at = Instant.parse("2026-11-25T08:00:00Z");
        String a = AuditLog.hash(AuditChain.GENESIS, at, "a\u001fb", ActorRole.SYSTEM, "X", null, null, "c");
        String b = AuditLog.hash(AuditChain.GENESIS, at, "a", ActorRole.SYSTEM, "X", null, null, "b\u001fc");

        assertThat(a).isNotEqualTo(b).matches("[0-9a-f]{64}");
    }
}
