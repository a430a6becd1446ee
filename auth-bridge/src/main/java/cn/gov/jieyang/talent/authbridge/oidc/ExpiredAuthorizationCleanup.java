package cn.gov.jieyang.talent.authbridge.oidc;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Spring Authorization Server never deletes an authorization; this removes those whose code and
 * tokens all expired more than a day ago (no refresh tokens are issued), so the table stays small
 * and old ID tokens cannot be looked up for logout.
 */
@Component
class ExpiredAuthorizationCleanup {

    static final Duration KEEP = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final Clock clock;

    ExpiredAuthorizationCleanup(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 600_000, initialDelay = 90_000)
    int run() {
        return jdbc.sql("""
                delete from oauth2_authorization
                where refresh_token_value is null
                  and greatest(authorization_code_expires_at, access_token_expires_at, oidc_id_token_expires_at)
                      < :cutoff""")
                .param("cutoff", Timestamp.from(clock.instant().minus(KEEP))).update();
    }
}
