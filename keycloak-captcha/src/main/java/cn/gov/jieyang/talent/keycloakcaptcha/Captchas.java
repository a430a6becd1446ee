package cn.gov.jieyang.talent.keycloakcaptcha;

import cn.gov.jieyang.talent.keycloakcaptcha.internal.Challenge;
import cn.gov.jieyang.talent.keycloakcaptcha.internal.ProofOfWork;
import java.nio.charset.StandardCharsets;

/**
 * What a client of the captcha can compute itself, with no Keycloak on the class path: the answer of a
 * challenge for whoever holds the configured answer key, and a proof of work for anyone.
 */
public final class Captchas {

    private Captchas() {
    }

    /**
     * The characters in challenge {@code id}'s image, given the execution's answer key.
     *
     * @param answerKey the configured {@code captcha.answerKey}
     * @param id        the form's {@code captcha_id}
     * @param length    the configured length
     * @return the answer
     */
    public static String answer(String answerKey, String id, int length) {
        return Challenge.answerFor(answerKey.strip().getBytes(StandardCharsets.UTF_8), id, length);
    }

    /**
     * A nonce for the proof-of-work path, as the theme's script finds it.
     *
     * @param puzzle     the form's {@code data-pow} puzzle
     * @param difficulty its {@code data-pow-difficulty}
     * @return the nonce for field {@code captcha_pow}
     */
    public static String proofOfWork(String puzzle, int difficulty) {
        return ProofOfWork.solve(puzzle, difficulty);
    }
}
