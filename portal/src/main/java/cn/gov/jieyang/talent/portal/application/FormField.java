package cn.gov.jieyang.talent.portal.application;

import cn.gov.jieyang.talent.portal.identity.PhoneNumber;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A field of the one form, asked once however many chosen services need it.
 *
 * @param code      stable identifier, also the answer's key
 * @param labelZh   Chinese label
 * @param labelEn   English label
 * @param kind      what is entered
 * @param maxLength the longest answer accepted
 * @param required  whether an answer is needed before submitting
 * @param neededBy  codes of the chosen services that ask it, in service order; never empty
 */
public record FormField(String code, String labelZh, String labelEn, Kind kind, int maxLength, boolean required,
        List<String> neededBy) {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{0,63}");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,10}(\\.\\d{1,2})?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** What a field takes. */
    public enum Kind {
        /** One line of text. */
        TEXT,
        /** Several lines of text. */
        TEXTAREA,
        /** A calendar date, yyyy-MM-dd. */
        DATE,
        /** A non-negative amount with at most two decimals. */
        NUMBER,
        /** A telephone number ({@link PhoneNumber}). */
        PHONE
    }

    /** Why an answer is refused (also the message key suffix). */
    public enum Problem {
        /** A required field left empty. */
        REQUIRED,
        /** Longer than {@link #maxLength()}. */
        TOO_LONG,
        /** Not a valid date. */
        NOT_A_DATE,
        /** Not a valid amount. */
        NOT_A_NUMBER,
        /** Not a telephone number. */
        NOT_A_PHONE
    }

    /**
     * Checks the parts.
     *
     * @throws IllegalArgumentException if a part is malformed
     */
    public FormField {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("bad field code");
        }
        Objects.requireNonNull(labelZh, "labelZh");
        Objects.requireNonNull(labelEn, "labelEn");
        Objects.requireNonNull(kind, "kind");
        if (maxLength < 1 || maxLength > 4000) {
            throw new IllegalArgumentException("field max length out of range: " + maxLength);
        }
        neededBy = List.copyOf(neededBy);
        if (neededBy.isEmpty()) {
            throw new IllegalArgumentException("field " + code + " is needed by no service");
        }
    }

    /**
     * The label in a language (Chinese unless English is asked for).
     *
     * @param locale the page's locale
     * @return the label
     */
    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) ? labelEn : labelZh;
    }

    /**
     * Checks an answer (already trimmed; empty means no answer).
     *
     * @param value the answer
     * @return the problem, or null if it is acceptable
     */
    public Problem check(String value) {
        if (value.isEmpty()) {
            return required ? Problem.REQUIRED : null;
        }
        if (value.length() > maxLength) {
            return Problem.TOO_LONG;
        }
        return switch (kind) {
            case DATE -> validDate(value) ? null : Problem.NOT_A_DATE;
            case NUMBER -> NUMBER.matcher(value).matches() ? null : Problem.NOT_A_NUMBER;
            case PHONE -> PhoneNumber.parse(value).isPresent() ? null : Problem.NOT_A_PHONE;
            case TEXT, TEXTAREA -> null;
        };
    }

    private static boolean validDate(String value) {
        if (!DATE.matcher(value).matches()) {
            return false;
        }
        try {
            java.time.LocalDate.parse(value);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }
}
