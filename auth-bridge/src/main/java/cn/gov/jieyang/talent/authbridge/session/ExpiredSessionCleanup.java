package cn.gov.jieyang.talent.authbridge.session;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes sessions a day after they expired or ended: each row holds an encrypted ID number, and
 * personal data is kept no longer than it serves. Idempotent, so every instance may run it.
 */
@Component
class ExpiredSessionCleanup {

    static final Duration KEEP = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final Clock clock;

    ExpiredSessionCleanup(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 600_000, initialDelay = 60_000)
    int run() {
        return jdbc.sql("delete from bridge_session where expires_at < :cutoff or ended_at < :cutoff")
                .param("cutoff", Timestamp.from(clock.instant().minus(KEEP))).update();
    }
}
