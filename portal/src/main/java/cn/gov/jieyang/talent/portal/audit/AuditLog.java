package cn.gov.jieyang.talent.portal.audit;

import cn.gov.jieyang.talent.signing.AuditChain;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The append-only audit log as a hash chain: each event's hash is SHA-256 over the previous event's
 * hash and this event's canonical content, as the signing library's {@link AuditChain} defines it (the
 * offline checker, {@code signing.jar audit-verify}, uses the same code). Editing, deleting or
 * reordering any stored event breaks every later hash, which {@link #verify()} reports; the signed
 * checkpoints ({@link AuditCheckpoints}) reveal a tail cut off or rewritten.
 *
 * <p>Appends are serialised by a transaction-scoped PostgreSQL advisory lock, so two instances never
 * fork the chain; the event is written in the caller's transaction, so it exists exactly when the
 * state change it records was committed. The lock is held from the first append to the commit, so
 * {@link #recordAtCommit} defers appends to the end of the transaction: the lock is then held only
 * for those appends and the commit, not while the rest of the transaction runs.
 */
@Service
public class AuditLog {

    /** Arbitrary constant naming the chain's lock (pg_advisory_xact_lock takes a bigint). */
    private static final long CHAIN_LOCK = 0x4a59_4155_4449_5431L;
    static final String COLUMNS = "seq, occurred_at, actor_subject, actor_role, event_type, application_id, "
            + "case_id, detail, prev_hash, hash";

    private final JdbcClient jdbc;
    private final Clock clock;

    /**
     * Creates the log.
     *
     * @param jdbc  the database
     * @param clock the clock events are stamped with
     */
    public AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Appends an event, in the caller's transaction (or a new one).
     *
     * @param entry what happened
     * @return the stored event with its hash
     */
    @Transactional
    public AuditEvent record(AuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        return append(entry);
    }

    /**
     * Appends an event as the last work of the caller's transaction, just before it commits (in the
     * order of the calls); a failure to append rolls the transaction back. Without a transaction it is
     * {@link #record}.
     *
     * @param entry what happened
     */
    public void recordAtCommit(AuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            record(entry);
            return;
        }
        @SuppressWarnings("unchecked")
        List<AuditEntry> pending = (List<AuditEntry>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            List<AuditEntry> entries = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, entries);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    // Still inside the transaction, on its connection: the lock is released by the commit.
                    entries.forEach(AuditLog.this::append);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(AuditLog.this);
                }
            });
            pending = entries;
        }
        pending.add(entry);
    }

    private AuditEvent append(AuditEntry entry) {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query((rs, n) -> 1).list();
        String prev = jdbc.sql("select hash from audit_event order by seq desc limit 1")
                .query(String.class).optional().orElse(AuditChain.GENESIS);
        // PostgreSQL keeps microseconds: hash exactly what is stored, so verify() recomputes the same.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String hash = hash(prev, at, entry.actorSubject(), entry.actorRole(), entry.eventType(),
                entry.applicationId(), entry.caseId(), entry.detail());
        long seq = jdbc.sql("insert into audit_event (occurred_at, actor_subject, actor_role, event_type, "
                        + "application_id, case_id, detail, prev_hash, hash) values (?,?,?,?,?,?,?,?,?) returning seq")
                .params(Timestamp.from(at), entry.actorSubject(), entry.actorRole().name().toLowerCase(java.util.Locale.ROOT),
                        entry.eventType(), entry.applicationId(), entry.caseId(), entry.detail(), prev, hash)
                .query(Long.class).single();
        return new AuditEvent(seq, at, entry.actorSubject(), entry.actorRole(), entry.eventType(),
                entry.applicationId(), entry.caseId(), entry.detail(), prev, hash);
    }

    /**
     * The events of one application, oldest first (its timeline).
     *
     * @param applicationId the application
     * @return its events
     */
    public List<AuditEvent> forApplication(UUID applicationId) {
        return jdbc.sql("select " + COLUMNS + " from audit_event where application_id = ? order by seq")
                .param(applicationId).query(AuditLog::row).list();
    }

    /**
     * The most recent events, newest first.
     *
     * @param limit how many, at most 500
     * @return the events
     */
    public List<AuditEvent> latest(int limit) {
        return jdbc.sql("select " + COLUMNS + " from audit_event order by seq desc limit ?")
                .param(Math.max(1, Math.min(limit, 500))).query(AuditLog::row).list();
    }

    /**
     * Recomputes the whole chain, streaming it in order.
     *
     * @return whether it is intact and, if not, where it first breaks
     */
    @Transactional(readOnly = true)
    public ChainCheck verify() {
        AtomicReference<String> expectedPrev = new AtomicReference<>(AuditChain.GENESIS);
        long[] count = {0};
        long[] broken = {-1};
        jdbc.sql("select " + COLUMNS + " from audit_event order by seq").query(AuditLog::row).stream().forEach(e -> {
            count[0]++;
            String recomputed = hash(e.prevHash(), e.occurredAt(), e.actorSubject(), e.actorRole(), e.eventType(),
                    e.applicationId(), e.caseId(), e.detail());
            if (broken[0] < 0 && (!e.prevHash().equals(expectedPrev.get()) || !recomputed.equals(e.hash()))) {
                broken[0] = e.seq();
            }
            expectedPrev.set(e.hash());
        });
        return new ChainCheck(count[0], broken[0] < 0, broken[0], expectedPrev.get());
    }

    /** The role's hashed form is its enum name (upper case), as it has been since the first chain. */
    static String hash(String prev, Instant at, String actor, AuditEntry.ActorRole role, String type, UUID application,
            UUID kase, String detail) {
        return AuditChain.eventHash(prev, at, actor, role.name(), type, application, kase, detail);
    }

    /**
     * An event as the signing library knows it: every hashed field as hashed (the export's line).
     *
     * @param e a stored event
     * @return the same event
     */
    static AuditChain.Event chainEvent(AuditEvent e) {
        return new AuditChain.Event(e.seq(), e.occurredAt(), e.actorSubject(), e.actorRole().name(), e.eventType(),
                e.applicationId(), e.caseId(), e.detail(), e.prevHash(), e.hash());
    }

    static AuditEvent row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new AuditEvent(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("actor_subject"),
                AuditEntry.ActorRole.valueOf(rs.getString("actor_role").toUpperCase(java.util.Locale.ROOT)), rs.getString("event_type"),
                rs.getObject("application_id", UUID.class), rs.getObject("case_id", UUID.class),
                rs.getString("detail"), rs.getString("prev_hash"), rs.getString("hash"));
    }
}
