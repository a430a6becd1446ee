package cn.gov.jieyang.talent.portal.catalogue;

import java.util.Objects;
import java.util.regex.Pattern;

/** Checks shared by the catalogue's records. */
final class Codes {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{0,63}");

    private Codes() {
    }

    static String code(String what, String code) {
        Objects.requireNonNull(code, what);
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException(what + " must be lower-case letters, digits and '-': " + code);
        }
        return code;
    }

    static String text(String what, String text) {
        Objects.requireNonNull(text, what);
        if (text.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return text;
    }
}
