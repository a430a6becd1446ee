package cn.gov.jieyang.talent.portal.catalogue;

import java.net.URI;
import java.util.Objects;

/** Where a service is handled: here, or handed off to a provincial system (对接系统). */
public sealed interface Handling {

    /**
     * Handled by the portal and the bureau's reviewers.
     *
     * @return local handling
     */
    static Handling local() {
        return Local.INSTANCE;
    }

    /**
     * Handed off to a provincial system where the applicant submits as that system asks.
     *
     * @param systemNameZh the system's Chinese name
     * @param systemNameEn the system's English name
     * @param link         where the applicant goes
     * @return the handling
     */
    static Handling handedOff(String systemNameZh, String systemNameEn, URI link) {
        return new HandedOff(systemNameZh, systemNameEn, link);
    }

    /**
     * Whether the service is handled in another system.
     *
     * @return true if handed off
     */
    default boolean isHandedOff() {
        return this instanceof HandedOff;
    }

    /** Handled here. */
    enum Local implements Handling {
        /** The only value. */
        INSTANCE
    }

    /**
     * Handled in a provincial system.
     *
     * @param systemNameZh its Chinese name
     * @param systemNameEn its English name
     * @param link         an absolute http(s) link to it
     */
    record HandedOff(String systemNameZh, String systemNameEn, URI link) implements Handling {

        /**
         * Checks the parts.
         *
         * @param systemNameZh Chinese name
         * @param systemNameEn English name
         * @param link         absolute http(s) link
         * @throws IllegalArgumentException if a part is missing or the link is not http(s)
         */
        public HandedOff {
            Codes.text("system name (zh)", systemNameZh);
            Codes.text("system name (en)", systemNameEn);
            Objects.requireNonNull(link, "link");
            if (!"http".equals(link.getScheme()) && !"https".equals(link.getScheme())) {
                throw new IllegalArgumentException("hand-off link must be http(s): " + link);
            }
        }
    }
}
