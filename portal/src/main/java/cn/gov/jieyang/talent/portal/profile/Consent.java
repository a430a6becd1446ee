package cn.gov.jieyang.talent.portal.profile;

/**
 * The consent text applicants agree to when they create their real-name record. The text lives in the
 * profile bundles under {@code profile.consent.<version>}; its version is stored with each record, so
 * one can always tell which words a person agreed to.
 *
 * <p>To change the text, add a new key with a new version and point {@link #CURRENT_VERSION} at it;
 * never edit the words of a version people have already agreed to.
 */
final class Consent {

    /** The version shown and recorded today. */
    static final String CURRENT_VERSION = "2026-11-v1";

    private Consent() {
    }

    /** @return the bundle key of the current text */
    static String currentTextKey() {
        return "profile.consent." + CURRENT_VERSION;
    }
}
