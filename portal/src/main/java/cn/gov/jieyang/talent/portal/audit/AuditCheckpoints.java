package cn.gov.jieyang.talent.portal.audit;

import cn.gov.jieyang.talent.portal.sealing.CheckpointSealer;
import cn.gov.jieyang.talent.portal.sealing.SealKey;
import cn.gov.jieyang.talent.signing.AuditChain;
import cn.gov.jieyang.talent.signing.CheckpointVerdict;
import cn.gov.jieyang.talent.signing.SealedCheckpoint;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signed checkpoints of the audit chain: the chain's head (the last event's seq and hash, the count of
 * events up to it) and the time, sealed by the bureau's seal and time-stamped by the TSA when one is
 * configured ({@link CheckpointSealer}), kept in {@code audit_checkpoint}. A checkpoint's head must stay
 * on the chain: if its event is gone (the tail was cut off) or has another hash (rewritten), the chain
 * page and the offline checker say so.
 *
 * <p>Made at the top of every hour ({@code portal.audit.checkpoint.cron}), on graceful shutdown
 * ({@link CheckpointOnShutdown}) and before each export. Every instance tries; a transaction-scoped
 * advisory lock of its own serialises them, and one that finds the same head sealed less than half an
 * hour ago writes nothing, so N instances make one checkpoint an hour. The lock is not the chain's: the
 * TSA may take seconds to answer, and appends must not wait for it.
 */
@Service
public class AuditCheckpoints {

    /** The chain's name in every checkpoint and export (the bridge's chain will have its own). */
    static final String CHAIN = "portal";
    /** Arbitrary constant naming the checkpointers' lock; not the chain's (AuditLog). */
    private static final long CHECKPOINT_LOCK = 0x4a59_4155_4449_5443L;
    /** The same head sealed this recently is not sealed again (other instances, the next shutdown). */
    static final Duration SAME_HEAD_QUIET = Duration.ofMinutes(30);
    /** A newest checkpoint older than this (made at least hourly) is shown as overdue. */
    static final Duration OVERDUE = Duration.ofHours(2);

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);
    static final String COLUMNS = "head_seq, event_count, head_hash, checkpoint_at, signature, time_stamp_token, "
            + "time_stamped_at, time_stamp_problem";

    private final JdbcClient jdbc;
    private final JdbcClient streaming;
    private final CheckpointSealer sealer;
    private final SealKey seal;
    private final Clock clock;
    private final TransactionTemplate tx;

    /**
     * Creates the checkpoints.
     *
     * @param jdbc         the database
     * @param jdbcTemplate the same, for a streaming client
     * @param sealer       the seal's checkpoint signer
     * @param seal         the seal (its CA, to check the newest checkpoint)
     * @param clock        the clock
     * @param transactions the transaction manager
     */
    public AuditCheckpoints(JdbcClient jdbc, JdbcTemplate jdbcTemplate, CheckpointSealer sealer, SealKey seal, Clock clock,
                            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.streaming = AuditExporter.streaming(jdbcTemplate);
        this.sealer = sealer;
        this.seal = seal;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** The hourly checkpoint; a failure is logged, and the next hour tries again. */
    @Scheduled(cron = "${portal.audit.checkpoint.cron:0 0 * * * *}")
    void hourly() {
        checkpointQuietly("hourly");
    }

    /**
     * Makes a checkpoint and logs, rather than throws, a failure (the seal expired, the database gone).
     *
     * @param why what asked for it, for the log
     */
    void checkpointQuietly(String why) {
        try {
            checkpoint();
        } catch (RuntimeException e) {
            log.error("{} audit checkpoint failed: {}", why, e.toString());
        }
    }

    /**
     * Seals the chain's head now, unless that same head was sealed less than
     * {@link #SAME_HEAD_QUIET} ago.
     *
     * @return the checkpoint written, empty when there was nothing new to seal
     */
    public Optional<SealedCheckpoint> checkpoint() {
        return tx.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(?)").param(CHECKPOINT_LOCK).query((rs, n) -> 1).list();
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            // Appends hold the chain's lock until they commit, so every seq below the committed head is
            // committed (or a gap): the head and the count read here agree without taking that lock.
            Head head = jdbc.sql("select seq, hash from audit_event order by seq desc limit 1")
                    .query((rs, n) -> new Head(rs.getLong("seq"), rs.getString("hash"))).optional()
                    .orElse(new Head(0, AuditChain.GENESIS));
            Optional<SealedCheckpoint> newest = newest();
            if (newest.isPresent() && newest.get().checkpoint().seq() == head.seq()
                    && newest.get().checkpoint().headHash().equals(head.hash())
                    && newest.get().checkpoint().at().isAfter(now.minus(SAME_HEAD_QUIET))) {
                return Optional.<SealedCheckpoint>empty();
            }
            long count = jdbc.sql("select count(*) from audit_event where seq <= ?").param(head.seq())
                    .query(Long.class).single();
            SealedCheckpoint sealed = sealer.seal(new AuditChain.Checkpoint(CHAIN, head.seq(), count, head.hash(), now));
            jdbc.sql("insert into audit_checkpoint (" + COLUMNS + ") values (?,?,?,?,?,?,?,?)")
                    .params(head.seq(), count, head.hash(), Timestamp.from(now), sealed.signature(),
                            sealed.timeStampToken(),
                            sealed.timeStampedAt() == null ? null : Timestamp.from(sealed.timeStampedAt()),
                            sealed.timeStampProblem() == null ? null : truncate(sealed.timeStampProblem()))
                    .update();
            if (sealed.isTimeStamped()) {
                log.info("audit checkpoint: event {} ({} events), time-stamped {}", head.seq(), count,
                        sealed.timeStampedAt());
            } else if (sealed.timeStampProblem() != null) {
                // Kept unstamped rather than lost: it still proves the head while the seal is valid.
                log.warn("audit checkpoint: event {} ({} events) sealed WITHOUT a time-stamp: {}", head.seq(), count,
                        sealed.timeStampProblem());
            } else {
                log.info("audit checkpoint: event {} ({} events), no TSA configured", head.seq(), count);
            }
            return Optional.of(sealed);
        });
    }

    private record Head(long seq, String hash) {
    }

    private static String truncate(String s) {
        return s.length() <= 1000 ? s : s.substring(0, 1000);
    }

    /** @return the newest checkpoint */
    Optional<SealedCheckpoint> newest() {
        return jdbc.sql("select " + COLUMNS + " from audit_checkpoint order by id desc limit 1")
                .query(AuditCheckpoints::row).optional();
    }

    /**
     * Streams every checkpoint, oldest first, in the caller's transaction.
     *
     * @param each what to do with each
     */
    void forEach(Consumer<SealedCheckpoint> each) {
        try (var all = streaming.sql("select " + COLUMNS + " from audit_checkpoint order by id")
                .query(AuditCheckpoints::row).stream()) {
            all.forEach(each);
        }
    }

    /**
     * What the checkpoints say about the chain now: the first one whose head is not on it (cut off,
     * deleted or rewritten) and the newest one with its seal checked.
     *
     * @return the check
     */
    public CheckpointCheck check() {
        long count = jdbc.sql("select count(*) from audit_checkpoint").query(Long.class).single();
        long lastSeq = jdbc.sql("select coalesce(max(seq), 0) from audit_event").query(Long.class).single();
        Optional<CheckpointCheck.Break> off = jdbc.sql("""
                        select c.head_seq, c.event_count, c.head_hash, c.checkpoint_at, e.hash as now_hash
                        from audit_checkpoint c left join audit_event e on e.seq = c.head_seq
                        where c.head_seq > 0 and (e.seq is null or e.hash <> c.head_hash)
                        order by c.head_seq, c.id limit 1""")
                .query((rs, n) -> new CheckpointCheck.Break(rs.getString("now_hash") != null
                        ? CheckpointCheck.Break.Kind.REWRITTEN : rs.getLong("head_seq") > lastSeq
                        ? CheckpointCheck.Break.Kind.TRUNCATED : CheckpointCheck.Break.Kind.DELETED,
                        rs.getLong("head_seq"), rs.getLong("event_count"), rs.getTimestamp("checkpoint_at").toInstant(),
                        lastSeq)).optional();
        Optional<SealedCheckpoint> newest = newest();
        Optional<CheckpointVerdict> verdict = newest.map(c -> seal.auditVerifier().verify(c));
        boolean overdue = newest.map(c -> c.checkpoint().at().isBefore(clock.instant().minus(OVERDUE))).orElse(false);
        return new CheckpointCheck(count, newest.orElse(null), verdict.orElse(null), off.orElse(null), overdue);
    }

    static SealedCheckpoint row(ResultSet rs, int n) throws SQLException {
        Timestamp stampedAt = rs.getTimestamp("time_stamped_at");
        return new SealedCheckpoint(new AuditChain.Checkpoint(CHAIN, rs.getLong("head_seq"), rs.getLong("event_count"),
                rs.getString("head_hash"), rs.getTimestamp("checkpoint_at").toInstant()), rs.getBytes("signature"),
                rs.getBytes("time_stamp_token"), stampedAt == null ? null : stampedAt.toInstant(),
                rs.getString("time_stamp_problem"));
    }
}
