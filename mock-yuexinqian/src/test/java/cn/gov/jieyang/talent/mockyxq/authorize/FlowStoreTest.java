package cn.gov.jieyang.talent.mockyxq.authorize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.jieyang.talent.mockyxq.ExampleProperties;
import cn.gov.jieyang.talent.mockyxq.authorize.Flow.Step;
import cn.gov.jieyang.talent.mockyxq.web.ErrorPageException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FlowStoreTest {

    private final MutableClock clock = new MutableClock();
    private final FlowStore store = new FlowStore(clock);
    private final AuthorizationRequest request = new AuthorizationRequest(ExampleProperties.app(),
            "http://127.0.0.1:9000/login/yuexinqian/return", "s".repeat(16), "n".repeat(16), "t".repeat(16));

    @Test
    void flowIdsAreRandomAndUrlSafe() {
        Flow a = store.open(request);
        Flow b = store.open(request);

        assertThat(a.id()).matches("[A-Za-z0-9_-]{22}").isNotEqualTo(b.id());
    }

    @Test
    void aFlowMovesStepByStepAndOnlyAtTheExpectedStep() {
        Flow flow = store.open(request);

        assertThatThrownBy(() -> store.at(flow.id(), Step.FACE)).hasMessage("error.flow.step");
        Flow identifying = store.advance(store.at(flow.id(), Step.CONSENT), Step.IDENTIFY, null);
        Flow facing = store.advance(identifying, Step.FACE, "person-1");

        assertThat(store.at(flow.id(), Step.FACE).personId()).isEqualTo("person-1");
        assertThatThrownBy(() -> store.advance(identifying, Step.FACE, "person-2")).isInstanceOf(ErrorPageException.class);
        assertThat(facing.step()).isEqualTo(Step.FACE);
    }

    @Test
    void aFlowCanBeFinishedOnlyOnce() {
        Flow flow = store.open(request);

        assertThat(store.finish(flow.id(), Step.CONSENT).id()).isEqualTo(flow.id());
        assertThatThrownBy(() -> store.finish(flow.id(), Step.CONSENT)).hasMessage("error.flow.expired");
    }

    @Test
    void aFlowExpiresAfterTenMinutes() {
        Flow flow = store.open(request);

        clock.advance(FlowStore.LIFETIME.minusSeconds(1));
        assertThat(store.at(flow.id(), Step.CONSENT)).isNotNull();
        clock.advance(Duration.ofSeconds(2));

        assertThatThrownBy(() -> store.at(flow.id(), Step.CONSENT)).hasMessage("error.flow.expired");
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
