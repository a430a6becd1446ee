package cn.gov.jieyang.talent.authbridge.face;

import java.time.Clock;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes login transactions and remembered callback ids a day after they expired. A jti must be
 * remembered only while its callback could still verify (at most a few minutes); a day leaves
 * room for clock trouble and for an operator to look at yesterday's failures. Safe to run on every
 * instance at once: it is one idempotent DELETE per table.
 */
@Component
class ExpiredTransactionCleanup {

    static final Duration KEEP = Duration.ofDays(1);

    private final FaceTransactions transactions;
    private final Clock clock;

    ExpiredTransactionCleanup(FaceTransactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 600_000, initialDelay = 60_000)
    void run() {
        transactions.deleteExpiredBefore(clock.instant().minus(KEEP));
    }
}
