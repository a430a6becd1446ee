package cn.gov.jieyang.talent.keycloakcaptcha.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.keycloakcaptcha.internal.ChallengeStore.Outcome;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.sessions.AuthenticationSessionModel;

class ChallengeStoreTest {

    private static final long NOW = 1_800_000_000_000L;

    private final Map<String, String> notes = new HashMap<>();
    private final AuthenticationSessionModel session = authNotesOnly(notes);
    private final CaptchaSettings settings = CaptchaSettings.from(Map.of(CaptchaSettings.POW_DIFFICULTY, "10"));

    @Test
    void theRightAnswerInTimeSolvesItOnceAndTheSessionKeepsNoAnswer() {
        Challenge c = ChallengeStore.issue(session, settings, NOW);
        assertThat(notes.values()).doesNotContain(c.answer());

        assertThat(ChallengeStore.take(session, settings, c.id(), c.answer().toLowerCase(), null, NOW + 1000)).isEqualTo(Outcome.SOLVED);
        assertThat(notes).isEmpty();
        assertThat(ChallengeStore.take(session, settings, c.id(), c.answer(), null, NOW + 2000)).isEqualTo(Outcome.EXPIRED);
    }

    @Test
    void aWrongAnswerConsumesTheChallengeToo() {
        Challenge c = ChallengeStore.issue(session, settings, NOW);

        assertThat(ChallengeStore.take(session, settings, c.id(), "22222".equals(c.answer()) ? "33333" : "22222", null, NOW))
                .isEqualTo(Outcome.WRONG);
        assertThat(ChallengeStore.take(session, settings, c.id(), c.answer(), null, NOW)).isEqualTo(Outcome.EXPIRED);
    }

    @Test
    void missingLateAndForeignAnswersAreRefused() {
        Challenge c = ChallengeStore.issue(session, settings, NOW);
        assertThat(ChallengeStore.take(session, settings, c.id(), " ", null, NOW)).isEqualTo(Outcome.MISSING);

        c = ChallengeStore.issue(session, settings, NOW);
        assertThat(ChallengeStore.take(session, settings, c.id(), c.answer(), null, NOW + 120_001)).isEqualTo(Outcome.EXPIRED);

        c = ChallengeStore.issue(session, settings, NOW);
        assertThat(ChallengeStore.take(session, settings, "another-id", c.answer(), null, NOW)).isEqualTo(Outcome.EXPIRED);
    }

    @Test
    void aProofOfWorkForTheSessionsPuzzleSolvesIt() {
        Challenge c = ChallengeStore.issue(session, settings, NOW);
        assertThat(ChallengeStore.take(session, settings, c.id(), null, ProofOfWork.solve(c.pow(), 10), NOW)).isEqualTo(Outcome.SOLVED);

        Challenge other = ChallengeStore.issue(session, settings, NOW);
        int bad = 0;
        while (ProofOfWork.verify(other.pow(), Integer.toString(bad), 10)) {
            bad++;
        }
        assertThat(ChallengeStore.take(session, settings, other.id(), null, Integer.toString(bad), NOW)).isEqualTo(Outcome.WRONG);
    }

    /** Keycloak's interface, reduced to what the store uses: auth notes. */
    private static AuthenticationSessionModel authNotesOnly(Map<String, String> notes) {
        return (AuthenticationSessionModel) Proxy.newProxyInstance(ChallengeStoreTest.class.getClassLoader(),
                new Class<?>[] {AuthenticationSessionModel.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getAuthNote" -> notes.get((String) args[0]);
                    case "setAuthNote" -> notes.put((String) args[0], (String) args[1]);
                    case "removeAuthNote" -> notes.remove((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
