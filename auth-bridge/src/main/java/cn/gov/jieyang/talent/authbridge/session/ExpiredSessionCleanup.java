package cn.gov.jieyang.talent.authbridge.session;

import cn.gov.jieyang.talent.authbridge.config.RetentionProperties;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes sessions {@code bridge.retention.sessions} (a day) after they expired or ended: each row
 * holds an encrypted ID number, and
 * personal data is kept no longer than it serves. Idempotent, so every instance may run it.
 */
@Component
class ExpiredSessionCleanup {

    private final JdbcClient jdbc;
    private final RetentionProperties retention;
    private final Clock clock;

    ExpiredSessionCleanup(JdbcClient jdbc, RetentionProperties retention, Clock clock) {
        this.jdbc = jdbc;
        this.retention = retention;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = RetentionProperties.CLEANUP_INTERVAL, initialDelay = 60_000)
    int run() {
        return jdbc.sql("delete from bridge_session where expires_at < :cutoff or ended_at < :cutoff")
                .param("cutoff", Timestamp.from(clock.instant().minus(retention.sessions()))).update();
    }
}
