package cn.gov.jieyang.talent.mockyxq.callback;

import cn.gov.jieyang.talent.mockyxq.callback.CallbackSender.Delivery;
import cn.gov.jieyang.talent.mockyxq.testcontrol.CallbackMode;
import cn.gov.jieyang.talent.mockyxq.testcontrol.FailureSwitches;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Tells the relying app the result of a face check: one signed POST to its registered callback URL,
 * or what the {@code callback} failure switch asks for instead. Logs the outcome with the ID
 * number masked and never the token.
 */
@Service
public class CallbackService {

    private static final Logger log = LoggerFactory.getLogger(CallbackService.class);

    private final CallbackTokens tokens;
    private final CallbackSender sender;
    private final FailureSwitches switches;

    CallbackService(CallbackTokens tokens, CallbackSender sender, FailureSwitches switches) {
        this.tokens = tokens;
        this.sender = sender;
        this.switches = switches;
    }

    /** Blocks until the callback was accepted, refused, or its retries ran out (at most about 30 s). */
    public void send(VerificationResult result) {
        CallbackMode mode = switches.current().callback();
        if (mode == CallbackMode.NEVER) {
            log.info("Callback not sent (failure switch callback=never): app={} txn={} outcome={} person={}",
                    result.app().appId(), result.txn(), result.outcome().claim(), result.person().maskedIdNumber());
            return;
        }
        String jws = tokens.sign(result, mode);
        int times = mode == CallbackMode.TWICE ? 2 : 1;
        for (int i = 1; i <= times; i++) {
            Delivery delivery = sender.deliver(result.app().callbackUrl(), jws);
            log.info("Callback {}{}: app={} txn={} outcome={} person={} switch={} -> {} after {} attempt(s)",
                    delivery.accepted() ? "accepted" : "NOT accepted", times > 1 ? " (copy " + i + " of " + times + ")" : "",
                    result.app().appId(), result.txn(), result.outcome().claim(), result.person().maskedIdNumber(),
                    mode.wireName(), delivery.lastResult(), delivery.attempts());
        }
    }
}
