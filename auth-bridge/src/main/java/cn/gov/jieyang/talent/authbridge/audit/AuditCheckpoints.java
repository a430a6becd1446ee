package cn.gov.jieyang.talent.authbridge.audit;

import cn.gov.jieyang.talent.signing.AuditChain;
import cn.gov.jieyang.talent.signing.CheckpointSigner;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signed checkpoints of the bridge's chain, as the portal makes them of its own: the head (last seq,
 * its hash, the count of events up to it) and the time, sealed by the signing library's
 * {@link CheckpointSigner} (the bureau seal, time-stamped when a TSA is configured) into
 * {@code audit_checkpoint}. Made at the top of every hour ({@code bridge.audit.checkpoint.cron}), on
 * graceful shutdown ({@link CheckpointOnShutdown}) and before each export. Every instance tries; an
 * advisory lock of their own (not the chain's: a TSA may take seconds, appends must not wait) serialises
 * them, and the same head sealed less than half an hour ago is not sealed again.
 */
class AuditCheckpoints {

    /** The chain's name in every checkpoint and export; the portal's is {@code portal}. */
    static final String CHAIN = "auth-bridge";
    /** "JYBAUDT" and 2: the checkpointers' lock, not the chain's ({@link AuditTrail}). */
    private static final long CHECKPOINT_LOCK = 0x4a59_4241_5544_5402L;
    /** The same head sealed this recently is not sealed again (other instances, the next shutdown). */
    static final Duration SAME_HEAD_QUIET = Duration.ofMinutes(30);
    static final String COLUMNS = "head_seq, event_count, head_hash, checkpoint_at, signature, time_stamp_token, "
            + "time_stamped_at, time_stamp_problem";

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

    private final JdbcClient jdbc;
    private final Optional<CheckpointSigner> signer;
    private final Clock clock;
    private final TransactionTemplate tx;

    AuditCheckpoints(JdbcClient jdbc, Optional<CheckpointSigner> signer, Clock clock, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.signer = signer;
        this.clock = clock;
        this.tx = tx;
    }

    /** The hourly checkpoint; a failure is logged, and the next hour tries again. */
    @Scheduled(cron = "${bridge.audit.checkpoint.cron:0 0 * * * *}")
    void hourly() {
        checkpointQuietly("hourly");
    }

    /** Makes a checkpoint, logging rather than throwing a failure (the seal expired, the database gone). */
    void checkpointQuietly(String why) {
        try {
            checkpoint();
        } catch (RuntimeException e) {
            log.error("{} audit checkpoint failed: {}", why, e.toString());
        }
    }

    /**
     * Seals the chain's head now, unless checkpoints are off or that head was sealed less than
     * {@link #SAME_HEAD_QUIET} ago.
     *
     * @return the checkpoint written, if one was
     */
    Optional<SealedCheckpoint> checkpoint() {
        if (signer.isEmpty()) {
            return Optional.empty();
        }
        return tx.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(?)").param(CHECKPOINT_LOCK).query((rs, n) -> 1).list();
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            // Appends hold the chain's lock until they commit, so the committed head and the count agree.
            AuditChain.Checkpoint head = jdbc.sql("select seq, hash, (select count(*) from audit_event) as n "
                            + "from audit_event order by seq desc limit 1")
                    .query((rs, n) -> new AuditChain.Checkpoint(CHAIN, rs.getLong("seq"), rs.getLong("n"),
                            rs.getString("hash"), now)).optional()
                    .orElse(new AuditChain.Checkpoint(CHAIN, 0, 0, AuditChain.GENESIS, now));
            boolean sealedRecently = jdbc.sql("select exists(select 1 from audit_checkpoint where head_seq = ? and "
                            + "head_hash = ? and checkpoint_at > ?)")
                    .params(head.seq(), head.headHash(), Timestamp.from(now.minus(SAME_HEAD_QUIET)))
                    .query(Boolean.class).single();
            if (sealedRecently) {
                return Optional.<SealedCheckpoint>empty();
            }
            SealedCheckpoint sealed = signer.get().seal(head);
            jdbc.sql("insert into audit_checkpoint (" + COLUMNS + ") values (?,?,?,?,?,?,?,?)")
                    .params(head.seq(), head.events(), head.headHash(), Timestamp.from(now), sealed.signature(),
                            sealed.timeStampToken(),
                            sealed.timeStampedAt() == null ? null : Timestamp.from(sealed.timeStampedAt()),
                            sealed.timeStampProblem() == null ? null : truncate(sealed.timeStampProblem()))
                    .update();
            if (sealed.timeStampProblem() != null) {
                // Kept unstamped rather than lost: it still proves the head while the seal is valid.
                log.warn("audit checkpoint: event {} ({} events) sealed WITHOUT a time-stamp: {}", head.seq(),
                        head.events(), sealed.timeStampProblem());
            } else {
                log.info("audit checkpoint: event {} ({} events){}", head.seq(), head.events(),
                        sealed.isTimeStamped() ? ", time-stamped " + sealed.timeStampedAt() : "");
            }
            return Optional.of(sealed);
        });
    }

    private static String truncate(String s) {
        return s.length() <= 1000 ? s : s.substring(0, 1000);
    }

    /**
     * Streams every checkpoint, oldest first, in the caller's transaction.
     *
     * @param streaming a client that fetches in batches
     * @param each      what to do with each
     */
    static void forEach(JdbcClient streaming, Consumer<SealedCheckpoint> each) {
        try (var all = streaming.sql("select " + COLUMNS + " from audit_checkpoint order by id")
                .query(AuditCheckpoints::row).stream()) {
            all.forEach(each);
        }
    }

    static SealedCheckpoint row(ResultSet rs, int n) throws SQLException {
        Timestamp stampedAt = rs.getTimestamp("time_stamped_at");
        return new SealedCheckpoint(new AuditChain.Checkpoint(CHAIN, rs.getLong("head_seq"), rs.getLong("event_count"),
                rs.getString("head_hash").strip(), rs.getTimestamp("checkpoint_at").toInstant()), rs.getBytes("signature"),
                rs.getBytes("time_stamp_token"), stampedAt == null ? null : stampedAt.toInstant(),
                rs.getString("time_stamp_problem"));
    }
}
