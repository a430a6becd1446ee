package cn.gov.jieyang.talent.authbridge.session;

import java.util.Objects;

/**
 * A bridge session has ended (published after the store recorded it). What else ends with it —
 * the session's access tokens, the relying parties' sessions, Keycloak's session — is decided by the
 * features that own those, from {@link #why}.
 *
 * @param sid     the ended session
 * @param subject its subject
 * @param why     why it ended
 */
public record SessionEnded(String sid, String subject, Why why) {

    /** Why a session ended. */
    public enum Why {
        /** The person logged out (at the bridge or through a relying party). */
        LOGGED_OUT,
        /** The bridge stopped it: its face login had been carried to another browser. */
        STOPPED,
        /**
         * Replaced by a face-verified session of the same person (step-up). The relying party that
         * asked is in the middle of a login with the new session: it must not be told to log out.
         */
        STEPPED_UP;

        /** @return true when relying parties and Keycloak are to end their sessions too */
        public boolean endsEverywhere() {
            return this != STEPPED_UP;
        }
    }

    /**
     * Checks.
     *
     * @param sid     sid
     * @param subject subject
     * @param why     why
     */
    public SessionEnded {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(why, "why");
    }
}
