package cn.gov.jieyang.talent.portal.audit;

import cn.gov.jieyang.talent.signing.AuditExport;
import java.io.OutputStream;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the audit export ({@link AuditExport}, JSON Lines): the header, every checkpoint, every
 * event, the end line. One read-only REPEATABLE READ transaction, so the checkpoints and events are one
 * snapshot however long the download takes; rows are fetched in batches (a cursor: PostgreSQL's driver
 * otherwise reads the whole result first), so memory does not grow with the chain.
 */
@Service
class AuditExporter {

    /** Rows per round trip while streaming. */
    private static final int FETCH_SIZE = 500;

    private final JdbcClient streaming;
    private final AuditCheckpoints checkpoints;
    private final Clock clock;
    private final TransactionTemplate snapshot;

    AuditExporter(JdbcTemplate jdbcTemplate, AuditCheckpoints checkpoints, Clock clock,
                  PlatformTransactionManager transactions) {
        this.streaming = streaming(jdbcTemplate);
        this.checkpoints = checkpoints;
        this.clock = clock;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** A client whose queries fetch {@value #FETCH_SIZE} rows at a time (inside a transaction). */
    static JdbcClient streaming(JdbcTemplate template) {
        JdbcTemplate t = new JdbcTemplate(template.getDataSource());
        t.setFetchSize(FETCH_SIZE);
        return JdbcClient.create(t);
    }

    /**
     * Writes the whole export.
     *
     * @param out where to (not closed)
     */
    void export(OutputStream out) {
        snapshot.executeWithoutResult(status -> {
            AuditExport.Writer w = AuditExport.writer(out).header(AuditCheckpoints.CHAIN, clock.instant());
            checkpoints.forEach(w::checkpoint);
            try (var events = streaming.sql("select " + AuditLog.COLUMNS + " from audit_event order by seq")
                    .query(AuditLog::row).stream()) {
                events.forEach(e -> w.event(AuditLog.chainEvent(e)));
            }
            w.end();
        });
    }
}
