package cn.gov.jieyang.talent.portal.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A year's calendar file is read exactly, or refused whole with the file and line of the mistake. */
class CalendarYearTest {

    private static final List<String> HEADER = List.of("year 2028", "status official", "source 2028年通知");

    @Test
    void readsRangesSingleDaysWorkedWeekendsAndComments() {
        CalendarYear year = CalendarYear.parse("cn-2028.txt", lines(
                "# a comment", "", "holiday 2028-01-26 2028-02-01 春节", "holiday 2028-04-04 清明节",
                "workday 2028-01-23 春节", "workday 2027-12-26 元旦"));

        assertThat(year.year()).isEqualTo(2028);
        assertThat(year.holidays()).hasSize(8).contains(LocalDate.parse("2028-01-29"), LocalDate.parse("2028-04-04"));
        assertThat(year.workdays()).containsExactlyInAnyOrder(LocalDate.parse("2028-01-23"),
                LocalDate.parse("2027-12-26"));
    }

    @Test
    void refusesAWorkedDayThatIsNotAWeekendDay() {
        assertThatIllegalArgumentException().isThrownBy(() -> CalendarYear.parse("cn-2028.txt",
                        lines("workday 2028-01-24 春节")))
                .withMessageStartingWith("cn-2028.txt:4:").withMessageContaining("MONDAY");
    }

    @Test
    void refusesADayOutsideTheYearABackwardsOrMonthLongRangeAndADayListedTwice() {
        assertThatIllegalArgumentException().isThrownBy(() -> CalendarYear.parse("cn-2028.txt",
                lines("holiday 2029-01-01 元旦"))).withMessageContaining("is not in 2028");
        assertThatIllegalArgumentException().isThrownBy(() -> CalendarYear.parse("cn-2028.txt",
                lines("holiday 2027-11-30 元旦"))).withMessageContaining("is not in 2028");
        assertThatIllegalArgumentException().isThrownBy(() -> CalendarYear.parse("cn-2028.txt",
                lines("holiday 2028-02-01 2028-01-26 春节"))).withMessageContaining("runs forwards");
        assertThatIllegalArgumentException().isThrownBy(() -> CalendarYear.parse("cn-2028.txt",
                lines("holiday 2028-01-01 2028-03-01 春节"))).withMessageContaining("runs forwards");
        assertThatIllegalArgumentException().isThrownBy(() -> CalendarYear.parse("cn-2028.txt",
                        lines("holiday 2028-01-26 2028-02-01 春节", "holiday 2028-02-01 春节")))
                .withMessageStartingWith("cn-2028.txt:5:").withMessageContaining("listed twice");
        assertThatIllegalArgumentException().isThrownBy(() -> CalendarYear.parse("cn-2028.txt",
                lines("holiday 2028-02-30 春节"))).withMessageContaining("not a date");
    }

    @Test
    void refusesAMissingOrWrongHeaderAFestivalLeftOutAndUnknownLines() {
        assertThatIllegalArgumentException().isThrownBy(() -> CalendarYear.parse("cn-2028.txt",
                List.of("year 2028", "source x"))).withMessageContaining("'status' is missing");
        assertThatIllegalArgumentException().isThrownBy(() -> CalendarYear.parse("cn-2028.txt",
                List.of("year 2029", "status official", "source x"))).withMessageContaining("says year 2029");
        assertThatIllegalArgumentException().isThrownBy(() -> CalendarYear.parse("cn-2028.txt",
                List.of("year 2028", "status draft", "source x"))).withMessageContaining("official' or 'provisional");
        assertThatIllegalArgumentException().isThrownBy(() -> CalendarYear.parse("2028.txt", HEADER))
                .withMessageContaining("cn-<year>.txt");
        assertThatIllegalArgumentException().isThrownBy(() -> CalendarYear.parse("cn-2028.txt",
                lines("holiday 2028-04-04"))).withMessageContaining("<festival>");
        assertThatIllegalArgumentException().isThrownBy(() -> CalendarYear.parse("cn-2028.txt",
                lines("holiday 2028-01-26 2028-02-01"))).withMessageContaining("<festival>");
        assertThatIllegalArgumentException().isThrownBy(() -> CalendarYear.parse("cn-2028.txt",
                lines("off 2028-04-04 清明节"))).withMessageContaining("unknown keyword 'off'");
    }

    private static List<String> lines(String... body) {
        return java.util.stream.Stream.concat(HEADER.stream(), java.util.stream.Stream.of(body)).toList();
    }
}
