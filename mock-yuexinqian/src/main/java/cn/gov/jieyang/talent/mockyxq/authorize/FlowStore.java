package cn.gov.jieyang.talent.mockyxq.authorize;

import cn.gov.jieyang.talent.mockyxq.authorize.Flow.Step;
import cn.gov.jieyang.talent.mockyxq.web.ErrorPageException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Open flows in memory, keyed by a random id that the pages carry in a hidden field. Losing them
 * on restart only means starting the login again. The id is 128 random bits, so it also serves as
 * the forms' CSRF token: another site cannot guess it.
 */
@Component
class FlowStore {

    static final Duration LIFETIME = Duration.ofMinutes(10);
    /** A bound on memory if something loops on /authorize; far above any real use of a mock. */
    static final int MAX_OPEN = 10_000;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Flow> flows = new ConcurrentHashMap<>();
    private final Clock clock;

    @Autowired
    FlowStore() {
        this(Clock.systemUTC());
    }

    FlowStore(Clock clock) {
        this.clock = clock;
    }

    Flow open(AuthorizationRequest request) {
        flows.values().removeIf(flow -> flow.expiresAt().isBefore(clock.instant()));
        if (flows.size() >= MAX_OPEN) {
            throw new ErrorPageException(HttpStatus.SERVICE_UNAVAILABLE, "error.busy");
        }
        Flow flow = new Flow(newId(), request, Step.CONSENT, null, clock.instant().plus(LIFETIME));
        flows.put(flow.id(), flow);
        return flow;
    }

    /** The open flow {@code id}, which must be at step {@code expected}. */
    Flow at(String id, Step expected) {
        Flow flow = flows.get(id);
        if (flow == null || flow.expiresAt().isBefore(clock.instant())) {
            throw new ErrorPageException(HttpStatus.BAD_REQUEST, "error.flow.expired");
        }
        if (flow.step() != expected) {
            throw new ErrorPageException(HttpStatus.BAD_REQUEST, "error.flow.step");
        }
        return flow;
    }

    Flow advance(Flow current, Step next, String personId) {
        Flow advanced = current.at(next, personId);
        if (!flows.replace(current.id(), current, advanced)) {
            throw new ErrorPageException(HttpStatus.BAD_REQUEST, "error.flow.step");
        }
        return advanced;
    }

    /** Takes the flow out for good: whoever finishes it first is the only one who does. */
    Flow finish(String id, Step expected) {
        Flow flow = at(id, expected);
        if (!flows.remove(id, flow)) {
            throw new ErrorPageException(HttpStatus.BAD_REQUEST, "error.flow.expired");
        }
        return flow;
    }

    private static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
