package cn.gov.jieyang.talent.authbridge.keys;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every instance asks once a minute whether the active key is due; the advisory lock and the
 * re-check under it make exactly one of them rotate. A failed check (database briefly away) is
 * logged and retried a minute later rather than killing the schedule.
 */
final class KeyRotationSchedule {

    private static final Logger log = LoggerFactory.getLogger(KeyRotationSchedule.class);

    private final DatabaseBridgeKeys keys;

    KeyRotationSchedule(DatabaseBridgeKeys keys) {
        this.keys = keys;
    }

    @Scheduled(initialDelay = 60, fixedDelay = 60, timeUnit = TimeUnit.SECONDS)
    void rotateIfDue() {
        try {
            keys.rotateIfDue();
        } catch (RuntimeException e) {
            log.warn("Scheduled signing key rotation check failed, retrying in a minute: {}", e.toString());
        }
    }
}
