package cn.gov.jieyang.talent.authbridge.audit;

import cn.gov.jieyang.talent.authbridge.config.RetentionProperties;
import cn.gov.jieyang.talent.authbridge.session.DataProtector;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends Keycloak's forwarded failed logins to the chain, each Keycloak event once: the event id and the
 * chain's event are written in one transaction, so a replay (or a retry racing the first) adds nothing.
 */
@Service
class KeycloakEvents {

    /** Far longer than any signature window, so a replay is always caught by the id or by the window. */
    private static final Duration REMEMBERED = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final AuditTrail trail;
    private final DataProtector protector;
    private final Clock clock;

    KeycloakEvents(JdbcClient jdbc, AuditTrail trail, DataProtector protector, Clock clock) {
        this.jdbc = jdbc;
        this.trail = trail;
        this.protector = protector;
        this.clock = clock;
    }

    /**
     * Records a forward.
     *
     * @param event a checked forward
     * @return true if it was new; false if this event id was already recorded
     */
    @Transactional
    boolean record(ForwardedKeycloakEvent event) {
        int inserted = jdbc.sql("insert into keycloak_event_seen (event_id, seen_at) values (?, ?) "
                        + "on conflict (event_id) do nothing")
                .params(event.id(), Timestamp.from(clock.instant())).update();
        if (inserted == 0) {
            return false;
        }
        trail.record(event.entry(protector));
        return true;
    }

    /** Forgets event ids older than a day. One idempotent DELETE: every instance may run it. */
    @Scheduled(fixedDelayString = RetentionProperties.CLEANUP_INTERVAL, initialDelay = 180_000)
    int forgetOld() {
        return jdbc.sql("delete from keycloak_event_seen where seen_at < ?")
                .param(Timestamp.from(clock.instant().minus(REMEMBERED))).update();
    }
}
