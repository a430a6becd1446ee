package cn.gov.jieyang.talent.authbridge.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What an audit entry refuses to hold: anything that could be an ID number, a token or free text. */
class AuditEntryTest {

    @ParameterizedTest
    @ValueSource(strings = {"44520219851231123X", "445202198512311", "id=44520219851231123X",
            "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln", "two words", "", "a-value-that-is-longer-than-sixty-four-characters-"
            + "which-no-code-or-id-is"})
    void refusesAValueThatIsNoCodeOrOpaqueId(String value) {
        assertThatThrownBy(() -> AuditEntry.loginFailed(AuditEntry.Door.FACE, value, null))
                .isInstanceOf(IllegalArgumentException.class).message().doesNotContain(value.isEmpty() ? "\u0000" : value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"44520219851231123X", "zhang.san", "p-44520219851231123x", "Administrator"})
    void refusesAnActorThatIsNoSubject(String actor) {
        assertThatThrownBy(() -> new AuditEntry(actor, AuditEntry.Role.PERSON, "LoginSucceeded", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsTheBridgesOwnIdentifiersEvenWhenTheirHexRunsToManyDigits() {
        String subject = "p-" + "1234567890123456" + "7890123456789012";
        AuditEntry e = AuditEntry.loginSucceeded(AuditEntry.Door.FACE, subject, "Zx3-_aB9Zx3-_aB9Zx3-_aB9Zx3-_aB9",
                "urn:gd:trust:L4", "portal");

        assertThat(e.actor()).isEqualTo(subject);
        assertThat(e.detailText()).isEqualTo("door=face acr=urn:gd:trust:L4 sid=Zx3-_aB9Zx3-_aB9Zx3-_aB9Zx3-_aB9 client=portal");
    }

    @Test
    void leavesOutWhatIsNotKnown() {
        assertThat(AuditEntry.loginFailed(AuditEntry.Door.PASSWORD, "access_denied", null).detailText())
                .isEqualTo("door=password reason=access_denied");
    }
}
