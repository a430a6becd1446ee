package cn.gov.jieyang.talent.authbridge.face;

import cn.gov.jieyang.talent.authbridge.config.RetentionProperties;
import java.time.Clock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes login transactions and remembered callback ids once {@code bridge.retention.face-transactions}
 * (a day) has passed since they expired. A jti must be remembered only while its callback could still
 * verify (at most a few minutes); a day leaves room for clock trouble and for an operator to look at
 * yesterday's failures. Safe to run on every instance at once: it is one idempotent DELETE per table.
 */
@Component
class ExpiredTransactionCleanup {

    private final FaceTransactions transactions;
    private final RetentionProperties retention;
    private final Clock clock;

    ExpiredTransactionCleanup(FaceTransactions transactions, RetentionProperties retention, Clock clock) {
        this.transactions = transactions;
        this.retention = retention;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = RetentionProperties.CLEANUP_INTERVAL, initialDelay = 60_000)
    void run() {
        transactions.deleteExpiredBefore(clock.instant().minus(retention.faceTransactions()));
    }
}
