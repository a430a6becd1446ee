package cn.gov.jieyang.talent.authbridge.oidc;

import cn.gov.jieyang.talent.authbridge.config.RetentionProperties;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Spring Authorization Server never deletes an authorization; this removes those whose code and
 * tokens all expired longer ago than {@code bridge.retention.authorizations} (a day; no refresh tokens
 * are issued), so the table stays small
 * and old ID tokens cannot be looked up for logout.
 */
@Component
class ExpiredAuthorizationCleanup {

    private final JdbcClient jdbc;
    private final RetentionProperties retention;
    private final Clock clock;

    ExpiredAuthorizationCleanup(JdbcClient jdbc, RetentionProperties retention, Clock clock) {
        this.jdbc = jdbc;
        this.retention = retention;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = RetentionProperties.CLEANUP_INTERVAL, initialDelay = 90_000)
    int run() {
        return jdbc.sql("""
                delete from oauth2_authorization
                where refresh_token_value is null
                  and greatest(authorization_code_expires_at, access_token_expires_at, oidc_id_token_expires_at)
                      < :cutoff""")
                .param("cutoff", Timestamp.from(clock.instant().minus(retention.authorizations()))).update();
    }
}
