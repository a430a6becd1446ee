package cn.gov.jieyang.talent.keycloakcaptcha.internal;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The one challenge an authentication session holds, as auth notes: its id, the HASH of its answer, the
 * proof-of-work puzzle and its expiry. {@link #take} removes them before looking at them, so every
 * attempt (right or wrong) consumes the challenge: nothing can be answered twice.
 */
public final class ChallengeStore {

    static final String ID = "jieyang.captcha.id";
    static final String ANSWER_HASH = "jieyang.captcha.answerHash";
    static final String POW = "jieyang.captcha.pow";
    static final String EXPIRES = "jieyang.captcha.expiresAt";

    private ChallengeStore() {
    }

    /** What a form submission said about the captcha. */
    public enum Outcome {
        /** Right answer (or a valid proof of work) for the session's current challenge, in time. */
        SOLVED,
        /** Neither an answer nor a proof of work. */
        MISSING,
        /** No challenge, another one (a reused or stale form), or too late. */
        EXPIRED,
        /** The wrong characters, or a proof of work that does not hold. */
        WRONG
    }

    /**
     * Puts a new challenge in place of any earlier one.
     *
     * @param session  the authentication session
     * @param settings expiry
     * @param now      epoch milliseconds
     * @return the challenge (its answer goes into the image only)
     */
    public static Challenge issue(AuthenticationSessionModel session, CaptchaSettings settings, long now) {
        Challenge challenge = Challenge.issue(settings);
        session.setAuthNote(ID, challenge.id());
        session.setAuthNote(ANSWER_HASH, Challenge.hash(challenge.id(), challenge.answer()));
        session.setAuthNote(POW, challenge.pow());
        session.setAuthNote(EXPIRES, Long.toString(now + settings.expiry().toMillis()));
        return challenge;
    }

    /**
     * Consumes the session's challenge and judges the submitted fields.
     *
     * @param session  the authentication session
     * @param settings proof-of-work difficulty
     * @param id       the form's {@code captcha_id}
     * @param answer   the form's {@code captcha}
     * @param nonce    the form's {@code captcha_pow} (proof of work), may be null
     * @param now      epoch milliseconds
     * @return the outcome
     */
    public static Outcome take(AuthenticationSessionModel session, CaptchaSettings settings,
                               String id, String answer, String nonce, long now) {
        String expectedId = session.getAuthNote(ID);
        String expectedHash = session.getAuthNote(ANSWER_HASH);
        String puzzle = session.getAuthNote(POW);
        String expires = session.getAuthNote(EXPIRES);
        session.removeAuthNote(ID);
        session.removeAuthNote(ANSWER_HASH);
        session.removeAuthNote(POW);
        session.removeAuthNote(EXPIRES);

        boolean hasAnswer = answer != null && !answer.isBlank();
        boolean hasNonce = nonce != null && !nonce.isBlank();
        if (!hasAnswer && !hasNonce) {
            return Outcome.MISSING;
        }
        if (expectedId == null || id == null || !expectedId.equals(id) || expires == null
                || now > Long.parseLong(expires)) {
            return Outcome.EXPIRED;
        }
        if (hasNonce) {
            return ProofOfWork.verify(puzzle, nonce.strip(), settings.powDifficulty()) ? Outcome.SOLVED : Outcome.WRONG;
        }
        if (answer.length() > 16) {
            return Outcome.WRONG;
        }
        boolean same = MessageDigest.isEqual(expectedHash.getBytes(StandardCharsets.US_ASCII),
                Challenge.hash(id, answer).getBytes(StandardCharsets.US_ASCII));
        return same ? Outcome.SOLVED : Outcome.WRONG;
    }
}
