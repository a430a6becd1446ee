package cn.gov.jieyang.talent.authbridge.audit;

import cn.gov.jieyang.talent.signing.AuditExport;
import java.io.OutputStream;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the export with the signing library's {@link AuditExport.Writer}: header, every checkpoint,
 * every event, the end line. One read-only REPEATABLE READ transaction, so checkpoints and events are
 * one snapshot however long the download takes; rows come in batches (a cursor), so memory does not
 * grow with the chain.
 */
class AuditExporter {

    private static final int FETCH_SIZE = 500;

    private final JdbcClient streaming;
    private final Clock clock;
    private final TransactionTemplate snapshot;

    AuditExporter(JdbcTemplate jdbcTemplate, Clock clock, PlatformTransactionManager transactions) {
        JdbcTemplate batched = new JdbcTemplate(jdbcTemplate.getDataSource());
        batched.setFetchSize(FETCH_SIZE);
        this.streaming = JdbcClient.create(batched);
        this.clock = clock;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /**
     * Writes the whole export.
     *
     * @param out where to (not closed)
     */
    void export(OutputStream out) {
        snapshot.executeWithoutResult(status -> {
            AuditExport.Writer w = AuditExport.writer(out).header(AuditCheckpoints.CHAIN, clock.instant());
            AuditCheckpoints.forEach(streaming, w::checkpoint);
            try (var events = streaming.sql("select " + AuditTrail.COLUMNS + " from audit_event order by seq")
                    .query(AuditTrail::row).stream()) {
                events.forEach(w::event);
            }
            w.end();
        });
    }
}
