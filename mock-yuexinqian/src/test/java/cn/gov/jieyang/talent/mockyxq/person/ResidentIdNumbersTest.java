package cn.gov.jieyang.talent.mockyxq.person;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.mockyxq.person.ResidentIdNumbers.Problem;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"44520119900307123X", "440101199001011233", "11010519491231002X"})
    void acceptsWellFormedNumbers(String number) {
        assertThat(ResidentIdNumbers.problemWith(number)).isEmpty();
    }

    @Test
    void checkCharacterFollowsIso7064Mod112() {
        // The published GB 11643-1999 example.
        assertThat(ResidentIdNumbers.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(ResidentIdNumbers.checkCharacter("44010119900101123")).isEqualTo('3');
    }

    @ParameterizedTest
    @ValueSource(strings = {"445201199003071231", "440101199001011234", "110105194912310021"})
    void refusesAWrongCheckCharacter(String number) {
        assertThat(ResidentIdNumbers.problemWith(number)).contains(Problem.CHECK_DIGIT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"445201199002301234", "445201199013011234", "445201189912311234", "445201199000011234"})
    void refusesAnImpossibleBirthDate(String number) {
        assertThat(ResidentIdNumbers.problemWith(number)).contains(Problem.BIRTH_DATE);
    }

    @Test
    void refusesABirthDateInTheFuture() {
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).format(DateTimeFormatter.BASIC_ISO_DATE);
        String first17 = "445201" + tomorrow + "123";
        String number = first17 + ResidentIdNumbers.checkCharacter(first17);

        assertThat(ResidentIdNumbers.problemWith(number)).contains(Problem.BIRTH_DATE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "4452011990030712", "44520119900307123X1", "4452011990030712XX", "44520119900307123x",
        "4452O119900307123X", "44520119900307 23X"})
    void refusesWhatIsNotEighteenCharactersOfDigitsAndAFinalX(String number) {
        assertThat(ResidentIdNumbers.problemWith(number)).contains(Problem.FORMAT);
    }

    @Test
    void normalizingTrimsAndUpperCasesTheX() {
        assertThat(ResidentIdNumbers.normalize("  44520119900307123x ")).isEqualTo("44520119900307123X");
        assertThat(ResidentIdNumbers.normalize(null)).isEmpty();
    }

    @Test
    void maskKeepsFourCharactersAtEachEnd() {
        assertThat(ResidentIdNumbers.mask("44520119900307123X")).isEqualTo("4452**********123X");
        assertThat(ResidentIdNumbers.mask("1234")).isEqualTo("****");
        assertThat(ResidentIdNumbers.mask(null)).isEqualTo("****");
    }
}
