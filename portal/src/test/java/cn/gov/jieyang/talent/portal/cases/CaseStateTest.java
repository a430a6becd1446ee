package cn.gov.jieyang.talent.portal.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The state machine as the rest of the portal relies on it: the stored codes and the allowed moves. */
class CaseStateTest {

    @Test
    void readsBackEveryStoredCodeAndRefusesAnUnknownOne() {
        assertThat(Arrays.stream(CaseState.values()).map(CaseState::code))
                .containsExactly("draft", "pending", "in_progress", "returned", "completed", "handed_off");
        for (CaseState state : CaseState.values()) {
            assertThat(CaseState.of(state.code())).isEqualTo(state);
        }
        assertThatThrownBy(() -> CaseState.of("IN_PROGRESS")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CaseState.of(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void allowsExactlyTheMovesOfTheReviewProcess() {
        assertThat(CaseState.DRAFT.next()).containsExactlyInAnyOrder(CaseState.PENDING, CaseState.HANDED_OFF);
        assertThat(CaseState.PENDING.next()).containsExactlyInAnyOrder(CaseState.IN_PROGRESS, CaseState.RETURNED);
        assertThat(CaseState.IN_PROGRESS.next()).containsExactlyInAnyOrder(CaseState.COMPLETED, CaseState.RETURNED);
        assertThat(CaseState.RETURNED.next()).containsExactly(CaseState.PENDING);
        assertThat(CaseState.COMPLETED.next()).isEmpty();
        assertThat(CaseState.HANDED_OFF.next()).isEmpty();
        assertThat(CaseState.PENDING.canMoveTo(CaseState.COMPLETED)).as("complete without accepting").isFalse();
        assertThat(CaseState.RETURNED.canMoveTo(CaseState.IN_PROGRESS)).as("accept a returned case").isFalse();
    }

    @Test
    void keepsDraftsAndHandedOffCasesOutOfReview() {
        assertThat(Arrays.stream(CaseState.values()).filter(CaseState::isReviewedHere))
                .containsExactly(CaseState.PENDING, CaseState.IN_PROGRESS, CaseState.RETURNED, CaseState.COMPLETED);
        assertThat(Arrays.stream(CaseState.values()).filter(s -> !s.isSubmitted())).containsExactly(CaseState.DRAFT);
    }
}
