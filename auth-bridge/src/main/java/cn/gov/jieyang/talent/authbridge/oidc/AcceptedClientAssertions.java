package cn.gov.jieyang.talent.authbridge.oidc;

import cn.gov.jieyang.talent.authbridge.config.RetentionProperties;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * The jti of every client assertion the token endpoint accepted (table {@code accepted_client_assertion}),
 * so that an assertion is good for one request only (RFC 7523, section 3, item 7). Spring Authorization
 * Server does not check a jti at all. In the database, not in memory: a replay to another instance is
 * refused as well.
 */
@Repository
class AcceptedClientAssertions {

    private final JdbcClient jdbc;
    private final Clock clock;

    AcceptedClientAssertions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records an assertion's first use, atomically.
     *
     * @param expiresAt until when the jti must be remembered (past it, the assertion is refused as expired)
     * @return true the first time this client presents this jti; false for a replay (also one racing the first)
     */
    boolean firstUse(String clientId, String jti, Instant expiresAt) {
        return jdbc.sql("""
                insert into accepted_client_assertion (client_id, jti, expires_at) values (:client, :jti, :exp)
                on conflict (client_id, jti) do nothing""")
                .param("client", clientId).param("jti", jti).param("exp", Timestamp.from(expiresAt)).update() == 1;
    }

    /**
     * A jti needs remembering only while its assertion could still pass the expiry check; rows past that
     * are deleted. One idempotent DELETE: every instance may run it.
     */
    @Scheduled(fixedDelayString = RetentionProperties.CLEANUP_INTERVAL, initialDelay = 120_000)
    int deleteExpired() {
        return jdbc.sql("delete from accepted_client_assertion where expires_at < :now")
                .param("now", Timestamp.from(clock.instant())).update();
    }
}
