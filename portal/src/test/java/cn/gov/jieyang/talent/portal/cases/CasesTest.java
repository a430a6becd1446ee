package cn.gov.jieyang.talent.portal.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.jieyang.talent.portal.PortalTest;
import cn.gov.jieyang.talent.portal.audit.AuditEvent;
import cn.gov.jieyang.talent.portal.audit.AuditLog;
import cn.gov.jieyang.talent.portal.review.CaseFixture;
import cn.gov.jieyang.talent.portal.storage.ContentStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one writer of a case's state: each move changes the row and publishes what happened, a move the
 * state (or a stale version) does not allow changes nothing, and a move that rolls back takes its audit
 * event with it.
 */
@PortalTest
@RecordApplicationEvents
class CasesTest {

    @Autowired
    Cases cases;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog audit;
    @Autowired
    ContentStore store;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ApplicationEvents events;

    CaseFixture fixture;
    String applicant;
    Instant now;

    @BeforeEach
    void setUp() {
        fixture = new CaseFixture(jdbc, audit, store);
        applicant = fixture.applicant("cases", "张三");
        now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    @Test
    void takesACaseThroughReviewAndPublishesEachMove() {
        CaseFixture.Submitted app = fixture.submitted(applicant, "rent-subsidy");
        UUID id = app.caseOf("rent-subsidy");
        LocalDate due = LocalDate.of(2026, 12, 16);

        cases.accept(id, fixture.version(id), due, "reviewer-1", now);
        assertThat(row(id)).containsEntry("state", "in_progress").containsEntry("due_on", java.sql.Date.valueOf(due))
                .containsEntry("return_reason", null);
        cases.returnCase(id, fixture.version(id), "请补充租赁合同", "reviewer-1", now);
        assertThat(row(id)).containsEntry("state", "returned").containsEntry("return_reason", "请补充租赁合同");
        cases.resubmit(id, applicant, now);
        // Back in the queue from the start: the earlier acceptance and its deadline no longer apply.
        assertThat(row(id)).containsEntry("state", "pending").containsEntry("return_reason", null)
                .containsEntry("accepted_at", null).containsEntry("due_on", null);
        cases.accept(id, fixture.version(id), null, "reviewer-2", now);
        cases.complete(id, fixture.version(id), "reviewer-2", now);
        assertThat(row(id)).containsEntry("state", "completed");

        assertThat(events.stream(CaseEvent.class)).containsExactly(
                new CaseAccepted(id, app.id(), "rent-subsidy", due, "reviewer-1", now),
                new CaseReturned(id, app.id(), "rent-subsidy", "请补充租赁合同", "reviewer-1", now),
                new CaseResubmitted(id, app.id(), "rent-subsidy", applicant, now),
                new CaseAccepted(id, app.id(), "rent-subsidy", null, "reviewer-2", now),
                new CaseCompleted(id, app.id(), "rent-subsidy", "reviewer-2", now));
        assertThat(audit.forApplication(app.id())).extracting(AuditEvent::eventType).containsExactly(
                "ApplicationSubmitted", "CaseAccepted", "CaseReturned", "CaseAccepted", "CaseCompleted");
    }

    @Test
    void submitsOrHandsOffDraftCasesAndNeverDiscardsASubmittedOne() {
        CaseFixture.Submitted app = fixture.draft(applicant, "rent-subsidy", "title-review");
        UUID local = app.caseOf("rent-subsidy");
        UUID provincial = app.caseOf("title-review");

        cases.submit(local, applicant, now);
        cases.handOff(provincial, "JYHO-TEST-3", applicant, now);

        assertThat(row(local)).containsEntry("state", "pending");
        assertThat(row(provincial)).containsEntry("state", "handed_off")
                .containsEntry("handoff_reference", "JYHO-TEST-3");
        assertThat(events.stream(CaseEvent.class)).containsExactly(
                new CaseSubmitted(local, app.id(), "rent-subsidy", applicant, now),
                new CaseHandedOff(provincial, app.id(), "title-review", "JYHO-TEST-3", applicant, now));
        assertThat(cases.discardDraft(app.id(), "rent-subsidy")).isFalse();
        assertThat(fixture.state(local)).isEqualTo("pending");
    }

    @Test
    void opensAndDiscardsDraftCases() {
        CaseFixture.Submitted app = fixture.draft(applicant, "rent-subsidy");

        UUID opened = cases.open(app.id(), "talent-recognition", now);
        assertThat(fixture.state(opened)).isEqualTo("draft");
        assertThat(cases.discardDraft(app.id(), "talent-recognition")).isTrue();
        assertThat(jdbc.sql("select count(*) from application_case where id = ?").param(opened).query(Integer.class)
                .single()).isZero();
    }

    @Test
    void refusesAMoveTheStateDoesNotAllowAndWritesNothing() {
        CaseFixture.Submitted app = fixture.submitted(applicant, "rent-subsidy", "skill-appraisal");
        UUID pending = app.caseOf("rent-subsidy");
        UUID handedOff = app.caseOf("skill-appraisal");
        int version = fixture.version(pending);

        assertThatThrownBy(() -> cases.complete(pending, version, "reviewer", now)).isInstanceOf(CaseMoveRefused.class);
        assertThatThrownBy(() -> cases.resubmit(pending, applicant, now)).isInstanceOf(CaseMoveRefused.class);
        assertThatThrownBy(() -> cases.submit(pending, applicant, now)).isInstanceOf(CaseMoveRefused.class);
        assertThatThrownBy(() -> cases.accept(handedOff, fixture.version(handedOff), null, "reviewer", now))
                .isInstanceOf(CaseMoveRefused.class);
        assertThatThrownBy(() -> cases.accept(UUID.randomUUID(), 0, null, "reviewer", now))
                .isInstanceOf(CaseMoveRefused.class);

        assertThat(fixture.state(pending)).isEqualTo("pending");
        assertThat(fixture.version(pending)).isEqualTo(version);
        assertThat(fixture.state(handedOff)).isEqualTo("handed_off");
        assertThat(events.stream(CaseEvent.class)).isEmpty();
        assertThat(audit.forApplication(app.id())).extracting(AuditEvent::eventType)
                .containsExactly("ApplicationSubmitted");
    }

    @Test
    void refusesAMoveMadeOnAStaleVersion() {
        CaseFixture.Submitted app = fixture.submitted(applicant, "rent-subsidy");
        UUID id = app.caseOf("rent-subsidy");
        int seen = fixture.version(id);
        cases.accept(id, seen, null, "reviewer-1", now);

        // A second reviewer acts on the page they opened before the first one accepted.
        assertThatThrownBy(() -> cases.returnCase(id, seen, "重复", "reviewer-2", now))
                .isInstanceOf(CaseMoveRefused.class);
        assertThat(fixture.state(id)).isEqualTo("in_progress");
        assertThat(events.stream(CaseReturned.class)).isEmpty();
    }

    @Test
    void rollsBackTheAuditEventWithAMoveThatRollsBack() {
        CaseFixture.Submitted app = fixture.submitted(applicant, "rent-subsidy");
        UUID id = app.caseOf("rent-subsidy");
        int version = fixture.version(id);

        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
            cases.accept(id, version, null, "reviewer", now);
            throw new IllegalStateException("something later in the same transaction fails");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(fixture.state(id)).isEqualTo("pending");
        assertThat(fixture.version(id)).isEqualTo(version);
        assertThat(audit.forApplication(app.id())).extracting(AuditEvent::eventType)
                .containsExactly("ApplicationSubmitted");
    }

    private Map<String, Object> row(UUID caseId) {
        return jdbc.sql("select state, return_reason, handoff_reference, accepted_at, due_on from application_case "
                + "where id = ?").param(caseId).query().singleRow();
    }
}
