package cn.gov.jieyang.talent.mockyxq.testcontrol;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What the next callbacks do; the wire names are those of docs/yuexinqian-protocol.md section 6. */
public enum CallbackMode {
    /** Send one correct callback. */
    NORMAL,
    /** Send nothing, still send the browser back. */
    NEVER,
    /** Send the identical JWS twice. */
    TWICE,
    /** Send a JWS that expired before it was sent. */
    LATE,
    /** Sign with a key that is not in {@code /jwks}. */
    WRONG_KEY,
    /** Address the callback to another app ({@code aud} = {@code some-other-app}). */
    WRONG_AUDIENCE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Case-sensitive, exactly as documented, so a typo is refused instead of half-matching. */
    static Optional<CallbackMode> fromWireName(String value) {
        return Arrays.stream(values()).filter(mode -> mode.wireName().equals(value)).findFirst();
    }
}
