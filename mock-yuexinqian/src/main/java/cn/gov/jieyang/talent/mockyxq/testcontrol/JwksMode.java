package cn.gov.jieyang.talent.mockyxq.testcontrol;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How {@code /jwks} answers. */
public enum JwksMode {
    NORMAL,
    /** {@code /jwks} answers 500, as a broken key server would. */
    ERROR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<JwksMode> fromWireName(String value) {
        return Arrays.stream(values()).filter(mode -> mode.wireName().equals(value)).findFirst();
    }
}
