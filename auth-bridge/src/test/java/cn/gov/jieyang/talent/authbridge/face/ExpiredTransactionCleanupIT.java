package cn.gov.jieyang.talent.authbridge.face;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.authbridge.testing.BridgeWithFakeYuexinqian;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ExpiredTransactionCleanupIT extends BridgeWithFakeYuexinqian {

    @Autowired
    FaceTransactions transactions;

    @Autowired
    ExpiredTransactionCleanup cleanup;

    @Test
    void forgetsTransactionsAndCallbackIdsADayAfterTheyExpired() {
        Instant longAgo = Instant.now().minusSeconds(3 * 86_400);
        transactions.open("old-transaction-0000000001", "s", "n", new byte[32], longAgo, longAgo.plusSeconds(300),
                FaceTransaction.Channel.SAME_DEVICE, null, null, "ios:safari");
        transactions.recordJti("old-jti-1", "old-transaction-0000000001", longAgo, longAgo.plusSeconds(120));
        transactions.open("fresh-transaction-00000001", "s", "n", new byte[32], Instant.now(),
                Instant.now().plusSeconds(300), FaceTransaction.Channel.CROSS_DEVICE, 42, "portal", "linux:chrome");

        cleanup.run();

        assertThat(transactions.find("old-transaction-0000000001")).isEmpty();
        assertThat(transactions.jtiSeen("old-jti-1")).isFalse();
        assertThat(transactions.find("fresh-transaction-00000001")).isPresent();
    }
}
