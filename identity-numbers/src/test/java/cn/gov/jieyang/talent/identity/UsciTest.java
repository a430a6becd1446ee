package cn.gov.jieyang.talent.identity;

import static cn.gov.jieyang.talent.identity.IdentityAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UsciTest {

    /** The enterprise in our Keycloak development realm. */
    private static final String REALM_SAMPLE = "91445200MA4W00003L";

    @Test
    void usciAcceptsTheRealmSample() {
        Usci usci = Usci.of(REALM_SAMPLE);
        assertThat(usci.value()).isEqualTo(REALM_SAMPLE);
        assertThat(usci).hasToString(REALM_SAMPLE);
    }

    @Test
    void usciAcceptsTheStandardsExample() {
        // GB 32100-2015's worked example: both its check characters (4 at 17, 3 at 18) hold.
        assertThat(Usci.of("91350100M000100Y43").value()).isEqualTo("91350100M000100Y43");
        assertRefused(() -> Usci.of("91350100M000100Y44"), "91350100M000100Y44",
                InvalidIdentityException.USCI_CHECK_DIGIT);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "914403001922038216", // a published code of a Shenzhen company, both checks digits
        "9144030071526726XG", // a published code whose organisation check is X (value 10)
        "91445200MA4W00011F", // constructed
        "914452007000001160", // constructed: the code check is 0 (31 written as 0)
        "11445200007J000009"  // constructed: organisation check 11 written as 0, J counted as 19
    })
    void usciAcceptsCodesWhoseTwoChecksHold(String code) {
        assertThat(Usci.of(code).value()).isEqualTo(code);
    }

    @Test
    void usciNormalisesCaseAndSurroundingSpaces() {
        assertThat(Usci.of(" 91445200ma4w00003l\u3000")).isEqualTo(Usci.of(REALM_SAMPLE));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "91445200MA4W0000IL", "91445200MA4W0000OL", "91445200MA4W0000ZL",
        "91445200MA4W0000SL", "91445200MA4W0000VL", "91445200MA4W00003I"
    })
    void usciRefusesForbiddenLetters(String code) {
        assertRefused(() -> Usci.of(code), code, InvalidIdentityException.USCI_FORMAT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"91445200MA4W00003", "91445200MA4W00003L0", "91445200-MA4W0003L", "９1445200MA4W00003L"})
    void usciRefusesAnythingButEighteenCharactersOfItsAlphabet(String code) {
        assertRefused(() -> Usci.of(code), code, InvalidIdentityException.USCI_FORMAT);
    }

    @Test
    void usciRefusesAWrongOrganisationCheck() {
        // The final check character is right for these 17 characters: only GB 11714 catches it.
        assertRefused(() -> Usci.of("91445200MA4W00004P"), "91445200MA4W00004P",
                InvalidIdentityException.USCI_ORGANISATION_CHECK);
    }

    @Test
    void usciCountsOrganisationCodeLettersOverTheFullAlphabet() {
        // Would pass if J were given its GB 32100 value (18) instead of its GB 11714 value (19).
        assertRefused(() -> Usci.of("11445200007J0000X3"), "11445200007J0000X3",
                InvalidIdentityException.USCI_ORGANISATION_CHECK);
    }

    @Test
    void usciRefusesAWrongCheckCharacter() {
        assertRefused(() -> Usci.of("91445200MA4W00003M"), "91445200MA4W00003M",
                InvalidIdentityException.USCI_CHECK_DIGIT);
        assertRefused(() -> Usci.of("92445200MA4W00003L"), "92445200MA4W00003L",
                InvalidIdentityException.USCI_CHECK_DIGIT);
    }

    @Test
    void usciRefusesSwappedNeighbours() {
        assertRefused(() -> Usci.of("94145200MA4W00003L"), "94145200MA4W00003L",
                InvalidIdentityException.USCI_CHECK_DIGIT);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void usciRefusesAMissingCode(String code) {
        assertRefused(() -> Usci.of(code), code, InvalidIdentityException.USCI_REQUIRED);
    }

    @Test
    void usciEqualityIsByValue() {
        assertThat(Usci.of(REALM_SAMPLE)).isEqualTo(Usci.of(REALM_SAMPLE))
                .hasSameHashCodeAs(Usci.of(REALM_SAMPLE))
                .isNotEqualTo(Usci.of("91445200MA4W00011F"));
    }
}
