package cn.gov.jieyang.talent.identity;

import static cn.gov.jieyang.talent.identity.IdentityAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import cn.gov.jieyang.talent.identity.internal.Gb11643;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdNumberTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static Clock today(LocalDate date) {
        return Clock.fixed(date.atStartOfDay(CHINA).toInstant(), CHINA);
    }

    /** A number of the given first 17 digits with its right check character. */
    private static String withCheckCharacter(String first17) {
        return first17 + Gb11643.checkCharacter(first17);
    }

    // --- GB 11643-1999's own worked examples ---

    @Test
    void acceptsTheStandardsExampleFromBeijingChaoyang() {
        // GB 11643-1999, the worked example of a person registered in 北京市朝阳区 (110105), born 1949-12-31.
        IdNumber id = IdNumber.residentId("11010519491231002X");
        assertThat(id.value()).isEqualTo("11010519491231002X");
        assertThat(id.masked()).isEqualTo("1101**********002X");
    }

    @Test
    void refusesTheStandardsExampleFromShantouOnlyForItsBirthYear1880() {
        // GB 11643-1999's second example, 广东省汕头市潮阳县 (440524), born 1880-01-01: its check character
        // is right (see Gb11643Test), but nobody born before 1900 applies for anything here any more.
        assertRefused(() -> IdNumber.residentId("440524188001010014"), "440524188001010014",
                InvalidIdentityException.ID_BIRTH_DATE);
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
    @ValueSource(strings = {"00", "10", "16", "20", "24", "30", "38", "40", "47", "49", "55", "60", "66", "70",
        "72", "80", "83", "90", "91", "99"})
    void refusesARegionCodeThatBeginsWithNoProvince(String firstTwoDigits) {
        // 83 is not in GB/T 2260 (Taiwan is 71); 91 is sometimes quoted as "abroad" but is no province either.
        String number = withCheckCharacter(firstTwoDigits + "520219900101001");
        assertRefused(() -> IdNumber.residentId(number), number, InvalidIdentityException.ID_REGION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36",
        "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
        "71", "81", "82"})
    void acceptsEveryProvinceOfGbt2260(String province) {
        String number = withCheckCharacter(province + "010219900101001");
        assertThat(IdNumber.residentId(number).value()).isEqualTo(number);
    }

    @Test
    void judgesTheBirthDateByTheCalendarInChinaWhateverTheClocksZone() {
        String bornOnJanuary2 = withCheckCharacter("44520220240102002");
        // 2024-01-01 23:30 in China (15:30 UTC): a birth date of 2 January is tomorrow there.
        Clock lateOnJanuary1 = Clock.fixed(Instant.parse("2024-01-01T15:30:00Z"), ZoneOffset.UTC);
        assertRefused(() -> IdNumber.residentId(bornOnJanuary2, lateOnJanuary1), bornOnJanuary2,
                InvalidIdentityException.ID_BIRTH_DATE);
        // 2024-01-02 00:30 in China, still 1 January in UTC: born today, so accepted.
        Clock justAfterMidnightInChina = Clock.fixed(Instant.parse("2024-01-01T16:30:00Z"), ZoneOffset.UTC);
        assertThat(IdNumber.residentId(bornOnJanuary2, justAfterMidnightInChina).value()).isEqualTo(bornOnJanuary2);
    }

    @Test
    void refusesABirthDateOfTomorrowInChinaByTheSystemClock() {
        LocalDate tomorrow = LocalDate.now(IdNumber.CHINA_TIME).plusDays(1);
        String number = withCheckCharacter("445202" + tomorrow.format(DateTimeFormatter.BASIC_ISO_DATE)
                + "001");
        assertRefused(() -> IdNumber.residentId(number), number, InvalidIdentityException.ID_BIRTH_DATE);
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
