package cn.gov.jieyang.talent.authbridge.audit;

import cn.gov.jieyang.talent.signing.AuditChain;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bridge's audit trail: an append-only hash chain in {@code audit_event}, each event's hash
 * computed by the signing library ({@link AuditChain#eventHash}, the portal's canonical form, with no
 * application and no case), so that {@code signing.jar audit-verify} checks the bridge's export with
 * the same code. Signed checkpoints ({@link AuditCheckpoints}) reveal a tail cut off or rewritten.
 *
 * <p>An event is written in the caller's transaction (or a new one), so it exists exactly when what it
 * records was committed: a refused callback is recorded after its own transaction rolled back. Appends
 * are serialised by a transaction-scoped PostgreSQL advisory lock, so instances never fork the chain;
 * callers record last in their transactions, so the lock is held only for the append and the commit.
 */
@Service
public class AuditTrail {

    /** Arbitrary constant naming the chain's lock: "JYBAUDT" and 1; no other code of the bridge uses it. */
    private static final long CHAIN_LOCK = 0x4a59_4241_5544_5401L;
    static final String COLUMNS = "seq, occurred_at, actor_subject, actor_role, event_type, detail, prev_hash, hash";

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Appends an event.
     *
     * @param entry what happened
     */
    @Transactional
    public void record(AuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query((rs, n) -> 1).list();
        String prev = jdbc.sql("select hash from audit_event order by seq desc limit 1")
                .query(String.class).optional().orElse(AuditChain.GENESIS);
        // PostgreSQL keeps microseconds: hash exactly what is stored.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String detail = entry.detailText();
        String hash = AuditChain.eventHash(prev, at, entry.actor(), entry.role().name(), entry.type(), null, null, detail);
        jdbc.sql("insert into audit_event (occurred_at, actor_subject, actor_role, event_type, detail, prev_hash, hash) "
                        + "values (?,?,?,?,?,?,?)")
                .params(Timestamp.from(at), entry.actor(), entry.role().name().toLowerCase(Locale.ROOT), entry.type(),
                        detail, prev, hash)
                .update();
    }

    /**
     * A stored event as the signing library knows it (an export's line): every hashed field as hashed.
     *
     * @param rs a row of {@link #COLUMNS}
     * @param n  its number
     * @return the event
     * @throws SQLException when the row cannot be read
     */
    static AuditChain.Event row(ResultSet rs, int n) throws SQLException {
        return new AuditChain.Event(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("actor_subject"), rs.getString("actor_role").toUpperCase(Locale.ROOT),
                rs.getString("event_type"), null, null, rs.getString("detail"), rs.getString("prev_hash"),
                rs.getString("hash"));
    }
}
