package cn.gov.jieyang.talent.keycloakcaptcha.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChallengeTest {

    @Test
    void answersUseOnlyTheUnambiguousAlphabetAndTheConfiguredLength() {
        for (int i = 0; i < 200; i++) {
            Challenge c = Challenge.issue(CaptchaSettings.DEFAULTS);
            assertThat(c.answer()).hasSize(5).matches("[" + Challenge.ALPHABET + "]+").doesNotContain("0", "O", "1", "I", "L");
        }
        assertThat(Challenge.issue(CaptchaSettings.from(Map.of(CaptchaSettings.LENGTH, "6"))).answer()).hasSize(6);
    }

    @Test
    void withoutAKeyNobodyCanDeriveTheAnswerAndChallengesDiffer() {
        Set<String> ids = new HashSet<>();
        Set<String> answers = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            Challenge c = Challenge.issue(CaptchaSettings.DEFAULTS);
            ids.add(c.id());
            answers.add(c.answer());
        }
        assertThat(ids).hasSize(100);
        assertThat(answers.size()).isGreaterThan(95);
    }

    @Test
    void withAKeyTheHolderComputesTheAnswerFromTheIdAlone() {
        CaptchaSettings keyed = CaptchaSettings.from(Map.of(CaptchaSettings.ANSWER_KEY, "monitoring-probe-key"));
        Challenge c = Challenge.issue(keyed);

        assertThat(Challenge.answerFor("monitoring-probe-key".getBytes(StandardCharsets.UTF_8), c.id(), 5)).isEqualTo(c.answer());
        assertThat(Challenge.answerFor("another-key".getBytes(StandardCharsets.UTF_8), c.id(), 5)).isNotEqualTo(c.answer());
    }

    @Test
    void theStoredHashIgnoresCaseAndSurroundingSpaceButNotTheId() {
        assertThat(Challenge.hash("id-1", " ab3k7 ")).isEqualTo(Challenge.hash("id-1", "AB3K7"));
        assertThat(Challenge.hash("id-2", "AB3K7")).isNotEqualTo(Challenge.hash("id-1", "AB3K7"));
        assertThat(Challenge.hash("id-1", "AB3K7")).doesNotContain("AB3K7").hasSize(64);
    }
}
