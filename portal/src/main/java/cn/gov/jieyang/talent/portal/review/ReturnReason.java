package cn.gov.jieyang.talent.portal.review;

import java.util.Optional;

/**
 * Why a reviewer returns a case: required, at most {@value #MAX_LENGTH} characters (the column's size).
 * Kept as the reviewer typed it (trimmed) and always shown as text, never as HTML.
 *
 * @param text the reason
 */
record ReturnReason(String text) {

    static final int MAX_LENGTH = 2000;

    ReturnReason {
        if (problem(text).isPresent()) {
            throw new IllegalArgumentException("invalid return reason");
        }
        text = text.strip();
    }

    /**
     * What is wrong with a proposed reason, as a message key, or empty if it is acceptable.
     *
     * @param text the proposed reason, possibly null
     * @return the problem's message key
     */
    static Optional<String> problem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("review.reason.required");
        }
        if (text.strip().length() > MAX_LENGTH) {
            return Optional.of("review.reason.too-long");
        }
        return Optional.empty();
    }
}
