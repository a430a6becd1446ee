package cn.gov.jieyang.talent.portal.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.jieyang.talent.portal.PortalTest;
import cn.gov.jieyang.talent.portal.audit.AuditLog;
import cn.gov.jieyang.talent.portal.review.CaseFixture;
import cn.gov.jieyang.talent.portal.storage.ContentStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.transaction.event.TransactionalApplicationListenerAdapter;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Case events reach listeners that run after the commit through Spring Modulith's JDBC event publication
 * registry, in the table Flyway made (V10): the publication is written with the move, read back and
 * delivered again while incomplete, and completed in place. This is the outbox the notification and
 * hand-off work will rely on; a listener registered here for the test stands in for theirs.
 */
@PortalTest
class EventPublicationRegistryTest {

    private static final String LISTENER = "cases.EventPublicationRegistryTest";

    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    ApplicationEventMulticaster multicaster;
    @Autowired
    IncompleteEventPublications incomplete;
    @Autowired
    EventPublicationRegistry registry;
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

    final List<CaseAccepted> received = new CopyOnWriteArrayList<>();
    Recorder listener;
    CaseFixture fixture;

    /**
     * Listens to CaseAccepted after the commit (the adapter's default phase). A subclass, so that its event
     * type can be read from its declaration: a plain adapter would be offered every event of the context.
     */
    static final class Recorder extends TransactionalApplicationListenerAdapter<PayloadApplicationEvent<CaseAccepted>> {

        Recorder(List<CaseAccepted> received) {
            super(event -> received.add(event.getPayload()));
            setListenerId(LISTENER);
        }
    }

    @BeforeEach
    void afterCommitListener() {
        fixture = new CaseFixture(jdbc, audit, store);
        listener = new Recorder(received);
        context.addApplicationListener(listener);
    }

    @AfterEach
    void removeListener() {
        multicaster.removeApplicationListener(listener);
        jdbc.sql("delete from event_publication where listener_id = ?").param(LISTENER).update();
    }

    @Test
    void keepsACaseEventInTheRegistryUntilItsListenerIsDone() {
        CaseFixture.Submitted app = fixture.submitted(fixture.applicant("registry", "张三"), "rent-subsidy");
        UUID id = app.caseOf("rent-subsidy");
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        LocalDate due = LocalDate.of(2026, 12, 16);
        CaseAccepted accepted = new CaseAccepted(id, app.id(), "rent-subsidy", due, "reviewer", at);

        cases.accept(id, fixture.version(id), accepted.dueOn(), "reviewer", at);

        assertThat(received).containsExactly(accepted);
        Map<String, Object> row = publication();
        assertThat(row.get("event_type")).isEqualTo(CaseAccepted.class.getName());
        assertThat((String) row.get("serialized_event")).contains(id.toString(), "2026-12-16");
        assertThat(row.get("completion_date")).isNull();

        // Still incomplete (a listener that failed or was cut off by a restart): read back and delivered again.
        incomplete.resubmitIncompletePublications(p -> p.getEvent() instanceof CaseAccepted e && e.caseId().equals(id));
        assertThat(received).containsExactly(accepted, accepted);

        registry.markCompleted(accepted, PublicationTargetIdentifier.of(LISTENER));
        assertThat(publication().get("completion_date")).isNotNull();
    }

    @Test
    void writesNoPublicationForAMoveThatRollsBack() {
        CaseFixture.Submitted app = fixture.submitted(fixture.applicant("registry", "张三"), "rent-subsidy");
        UUID id = app.caseOf("rent-subsidy");

        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
            cases.complete(id, fixture.version(id), "reviewer", Instant.now());
        })).isInstanceOf(CaseMoveRefused.class);
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
            cases.accept(id, fixture.version(id), null, "reviewer", Instant.now());
            throw new IllegalStateException("something later in the same transaction fails");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(received).isEmpty();
        assertThat(jdbc.sql("select count(*) from event_publication where listener_id = ?").param(LISTENER)
                .query(Integer.class).single()).isZero();
    }

    private Map<String, Object> publication() {
        return jdbc.sql("select event_type, serialized_event, completion_date from event_publication "
                + "where listener_id = ?").param(LISTENER).query().singleRow();
    }
}
