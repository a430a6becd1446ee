package cn.gov.jieyang.talent.portal.identity;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A telephone number the bureau can call: a mainland mobile (11 digits from 13x), a mainland landline
 * with its area code (0663-8xxxxxx), or an international number with + and country code (applicants
 * from outside the mainland). Spaces, brackets and dashes people type are dropped.
 *
 * @param value the number without separators, e.g. {@code 13800138000}, {@code 06638123456}
 */
public record PhoneNumber(String value) {

    /** Longer input is refused before any parsing. */
    public static final int INPUT_MAX = 30;

    private static final Pattern VALID = Pattern.compile("1[3-9]\\d{9}|0\\d{9,11}|\\+[1-9]\\d{6,17}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u3000()\\-]");

    /**
     * Checks the value.
     *
     * @param value the number without separators
     * @throws IllegalArgumentException if it is not a valid number
     */
    public PhoneNumber {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("not a telephone number");
        }
    }

    /**
     * Parses what a person typed.
     *
     * @param raw the input, possibly with spaces, brackets or dashes
     * @return the number, or empty if it is not one
     */
    public static Optional<PhoneNumber> parse(String raw) {
        if (raw == null || raw.length() > INPUT_MAX) {
            return Optional.empty();
        }
        String compact = SEPARATORS.matcher(raw).replaceAll("");
        return VALID.matcher(compact).matches() ? Optional.of(new PhoneNumber(compact)) : Optional.empty();
    }
}
