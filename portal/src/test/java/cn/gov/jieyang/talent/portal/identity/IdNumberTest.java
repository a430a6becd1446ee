package cn.gov.jieyang.talent.portal.identity;

import static cn.gov.jieyang.talent.portal.identity.IdentityAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdNumberTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static Clock today(LocalDate date) {
        return Clock.fixed(date.atStartOfDay(CHINA).toInstant(), CHINA);
    }

    // --- resident ID: accepted ---

    @Test
    void acceptsAResidentIdWithCheckCharacterX() {
        IdNumber id = IdNumber.residentId("44520219851231123X");
        assertThat(id.type()).isEqualTo(IdType.RESIDENT_ID);
        assertThat(id.value()).isEqualTo("44520219851231123X");
    }

    @Test
    void acceptsAResidentIdWithADigitCheckCharacter() {
        assertThat(IdNumber.residentId("445202199001010018").value()).isEqualTo("445202199001010018");
    }

    @Test
    void normalisesALowerCaseXAndSurroundingSpaces() {
        // U+3000 is the ideographic space a Chinese input method types.
        IdNumber id = IdNumber.residentId(" 44520219851231123x\u3000");
        assertThat(id.value()).isEqualTo("44520219851231123X");
        assertThat(id).isEqualTo(IdNumber.residentId("44520219851231123X"));
    }

    @Test
    void acceptsFebruary29OfALeapYear() {
        assertThat(IdNumber.residentId("445202200002290010").value()).isEqualTo("445202200002290010");
    }

    @Test
    void acceptsABirthDateOfToday() {
        assertThat(IdNumber.residentId("44520220240101002X", today(LocalDate.of(2024, 1, 1))).value())
                .isEqualTo("44520220240101002X");
    }

    @Test
    void acceptsTheFirstDayOf1900() {
        assertThat(IdNumber.residentId("445202190001010017").value()).isEqualTo("445202190001010017");
    }

    // --- resident ID: refused (each input is correct except for the rule under test) ---

    @Test
    void refusesAWrongCheckDigit() {
        assertRefused(() -> IdNumber.residentId("445202199001010019"), "445202199001010019",
                InvalidIdentityException.ID_CHECK_DIGIT);
        assertRefused(() -> IdNumber.residentId("445202199001010010"), "445202199001010010",
                InvalidIdentityException.ID_CHECK_DIGIT);
    }

    @Test
    void refusesAnXWhereTheCheckIsADigit() {
        assertRefused(() -> IdNumber.residentId("44520219900101001X"), "44520219900101001X",
                InvalidIdentityException.ID_CHECK_DIGIT);
    }

    @Test
    void refusesFebruary30() {
        assertRefused(() -> IdNumber.residentId("445202199002300017"), "445202199002300017",
                InvalidIdentityException.ID_BIRTH_DATE);
    }

    @Test
    void refusesFebruary29Of1900WhichWasNotALeapYear() {
        assertRefused(() -> IdNumber.residentId("445202190002290014"), "445202190002290014",
                InvalidIdentityException.ID_BIRTH_DATE);
    }

    @Test
    void refusesABirthDateBefore1900() {
        assertRefused(() -> IdNumber.residentId("445202189912310012"), "445202189912310012",
                InvalidIdentityException.ID_BIRTH_DATE);
    }

    @Test
    void refusesABirthDateInTheFuture() {
        assertRefused(() -> IdNumber.residentId("44520220240101002X", today(LocalDate.of(2023, 12, 31))),
                "44520220240101002X", InvalidIdentityException.ID_BIRTH_DATE);
    }

    @Test
    void refusesARegionCodeStartingWithZero() {
        assertRefused(() -> IdNumber.residentId("045202199001010013"), "045202199001010013",
                InvalidIdentityException.ID_REGION);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "44520219900101001",      // 17 characters
        "4452021990010100188",    // 19
        "4452021990010100A8",     // a letter among the first 17
        "44520219900101001Y",     // a check character other than X
        "445202 199001010018",    // inner space
        "４４５２０２１９９００１０１００１８" // full-width digits
    })
    void refusesAnythingButSeventeenDigitsAndADigitOrX(String input) {
        assertRefused(() -> IdNumber.residentId(input), input, InvalidIdentityException.ID_FORMAT);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\u3000"})
    void refusesAMissingNumber(String input) {
        assertRefused(() -> IdNumber.residentId(input), input, InvalidIdentityException.REQUIRED);
        assertRefused(() -> IdNumber.passport(input), input, InvalidIdentityException.REQUIRED);
    }

    // --- passport ---

    @Test
    void acceptsAPassportAndUpperCasesIt() {
        IdNumber id = IdNumber.passport("  e12345678 ");
        assertThat(id.type()).isEqualTo(IdType.PASSPORT);
        assertThat(id.value()).isEqualTo("E12345678");
    }

    @ParameterizedTest
    @ValueSource(strings = {"AB123", "ABCDEFGH123456789"})
    void acceptsPassportsOfFiveToSeventeenCharacters(String input) {
        assertThat(IdNumber.passport(input).value()).isEqualTo(input);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AB12", "ABCDEFGH1234567890", "E1234-5678", "E1234 5678", "É12345678", "ßAB12"})
    void refusesAPassportOutsideFiveToSeventeenLettersAndDigits(String input) {
        assertRefused(() -> IdNumber.passport(input), input, InvalidIdentityException.PASSPORT_FORMAT);
    }

    @Test
    void ofDispatchesOnTheType() {
        assertThat(IdNumber.of(IdType.RESIDENT_ID, "445202199001010018"))
                .isEqualTo(IdNumber.residentId("445202199001010018"));
        assertThat(IdNumber.of(IdType.PASSPORT, "e12345678")).isEqualTo(IdNumber.passport("E12345678"));
        assertRefused(() -> IdNumber.of(IdType.RESIDENT_ID, "E12345678"), "E12345678",
                InvalidIdentityException.ID_FORMAT);
        assertThatNullPointerException().isThrownBy(() -> IdNumber.of(null, "E12345678"));
    }

    // --- display and identity ---

    @Test
    void masksAllButFourAndFour() {
        assertThat(IdNumber.residentId("44520219851231123X").masked()).isEqualTo("4452**********123X");
        assertThat(IdNumber.passport("ABCD12345678WXYZ").masked()).isEqualTo("ABCD********WXYZ");
    }

    @Test
    void masksAllButTheLastTwoWhenFourAndFourWouldShowMoreThanHalf() {
        assertThat(IdNumber.passport("E12345678").masked()).isEqualTo("*******78");
        assertThat(IdNumber.passport("AB123").masked()).isEqualTo("***23");
        assertThat(IdNumber.passport("ABC123456789XYZ").masked()).isEqualTo("*************YZ");
    }

    @Test
    void toStringNeverShowsTheNumber() {
        IdNumber id = IdNumber.residentId("44520219851231123X");
        assertThat(id.toString()).isEqualTo("4452**********123X").doesNotContain("19851231");
        assertThat("applicant " + id).doesNotContain("44520219851231123X");
        assertThat(IdNumber.passport("E12345678").toString()).doesNotContain("E123456");
    }

    @Test
    void equalityIsByTypeAndValue() {
        IdNumber resident = IdNumber.residentId("445202199001010018");
        assertThat(resident).isEqualTo(IdNumber.residentId("445202199001010018"))
                .hasSameHashCodeAs(IdNumber.residentId("445202199001010018"))
                .isNotEqualTo(IdNumber.residentId("44520219851231123X"))
                .isNotEqualTo(IdNumber.passport("44520219900101001"));
        assertThat(IdNumber.passport("e12345678")).isEqualTo(IdNumber.passport("E12345678"))
                .hasSameHashCodeAs(IdNumber.passport("E12345678"));
    }

    @Test
    void aPassportNumberCanNeverAlsoBeAResidentId() {
        // 17 characters at most: no string is valid as both types, so a type mix-up cannot go unseen.
        assertRefused(() -> IdNumber.passport("445202199001010018"), "445202199001010018",
                InvalidIdentityException.PASSPORT_FORMAT);
    }
}
