package cn.gov.jieyang.talent.mockyxq.testcontrol;

import java.util.LinkedHashMap;
import java.util.Map;

/** The failure switches in force. {@link #NORMAL} is what a fresh or reset mock does. */
public record TestMode(CallbackMode callback, JwksMode jwks, int delayMillis) {

    public static final TestMode NORMAL = new TestMode(CallbackMode.NORMAL, JwksMode.NORMAL, 0);

    static final int MAX_DELAY_MILLIS = 60_000;

    public TestMode {
        if (callback == null || jwks == null) {
            throw new IllegalArgumentException("callback and jwks must be set");
        }
        if (delayMillis < 0 || delayMillis > MAX_DELAY_MILLIS) {
            throw new IllegalArgumentException("delayMillis must be 0-" + MAX_DELAY_MILLIS);
        }
    }

    /** The JSON shape of {@code PUT /test-control/mode}. */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("callback", callback.wireName());
        json.put("jwks", jwks.wireName());
        json.put("delayMillis", delayMillis);
        return json;
    }

    @Override
    public String toString() {
        return "callback=" + callback.wireName() + " jwks=" + jwks.wireName() + " delayMillis=" + delayMillis;
    }
}
