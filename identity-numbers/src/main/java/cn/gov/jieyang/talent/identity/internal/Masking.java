package cn.gov.jieyang.talent.identity.internal;

/**
 * The one masking rule for identity numbers shown to people or written to logs: the first 4 and last 4
 * characters around one {@code *} per hidden character ({@code 4452**********123X}). A value shorter
 * than 16 characters (most passports) would then show more than it hides, so it shows only its last 2
 * ({@code *******78}).
 */
public final class Masking {

    /** Characters shown at each end in the long form. */
    private static final int SHOWN_AT_EACH_END = 4;
    /** Characters shown (at the end) in the short form. */
    private static final int SHOWN_WHEN_SHORT = 2;

    private Masking() {
    }

    /**
     * Masks a value.
     *
     * @param value the full value, at least 5 characters (the shortest passport number)
     * @return the masked value, as long as the value itself
     */
    public static String mask(String value) {
        int length = value.length();
        int hiddenInLongForm = length - 2 * SHOWN_AT_EACH_END;
        if (hiddenInLongForm >= 2 * SHOWN_AT_EACH_END) {
            return value.substring(0, SHOWN_AT_EACH_END) + "*".repeat(hiddenInLongForm)
                    + value.substring(length - SHOWN_AT_EACH_END);
        }
        return "*".repeat(length - SHOWN_WHEN_SHORT) + value.substring(length - SHOWN_WHEN_SHORT);
    }
}
