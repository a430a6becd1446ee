package cn.gov.jieyang.talent.portal.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The calendar files the portal ships, as read at startup: each day as the notice (or the law) says. */
class HolidayCalendarTest {

    private final HolidayCalendar shipped = new HolidayCalendar(new PathMatchingResourcePatternResolver());

    @Test
    void holds2026FromTheStateCouncilsNoticeDayByDay() {
        CalendarYear y2026 = year(2026);

        assertThat(y2026.status()).isEqualTo(CalendarYear.Status.OFFICIAL);
        assertThat(y2026.source()).contains("国务院办公厅关于2026年部分节假日安排的通知");
        // 元旦 3, 春节 9, 清明 3, 劳动节 5, 端午 3, 中秋 3, 国庆 7.
        assertThat(y2026.holidays()).hasSize(33).containsAll(range("2026-02-15", "2026-02-23"))
                .containsAll(range("2026-10-01", "2026-10-07")).containsAll(range("2026-05-01", "2026-05-05"))
                .containsAll(range("2026-01-01", "2026-01-03")).containsAll(range("2026-04-04", "2026-04-06"))
                .containsAll(range("2026-06-19", "2026-06-21")).containsAll(range("2026-09-25", "2026-09-27"));
        assertThat(y2026.workdays()).containsExactlyInAnyOrderElementsOf(days("2026-01-04", "2026-02-14", "2026-02-28",
                "2026-05-09", "2026-09-20", "2026-10-10"));
    }

    @Test
    void countsSpringFestivalAndNationalDay2026AsWorkingOrNot() {
        WorkingDayCalendar calendar = shipped.calendar();

        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-13"))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-14"))).as("Sat 14 Feb, worked").isTrue();
        assertThat(range("2026-02-15", "2026-02-23")).noneMatch(calendar::isWorkingDay);
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-24"))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-28"))).as("Sat 28 Feb, worked").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-03-01"))).as("an ordinary Sunday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-09-20"))).as("Sun 20 Sep, worked").isTrue();
        assertThat(range("2026-10-01", "2026-10-07")).noneMatch(calendar::isWorkingDay);
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-10"))).as("Sat 10 Oct, worked").isTrue();
    }

    @Test
    void holds2027AsProvisionalWithTheStatutoryDaysAndTheirMakeUpDaysOnly() {
        CalendarYear y2027 = year(2027);

        assertThat(y2027.status()).isEqualTo(CalendarYear.Status.PROVISIONAL);
        assertThat(y2027.workdays()).as("no 调休 before the notice").isEmpty();
        // 春节: 除夕 Fri 5 Feb, 初一–初三 Sat 6 – Mon 8 Feb, the weekend's two made up on Tue 9 and Wed 10 Feb.
        assertThat(y2027.holidays()).containsAll(range("2027-02-05", "2027-02-10"))
                .contains(LocalDate.parse("2027-01-01"), LocalDate.parse("2027-04-05"), LocalDate.parse("2027-06-09"),
                        LocalDate.parse("2027-09-15"))
                .containsAll(range("2027-05-01", "2027-05-04")).containsAll(range("2027-10-01", "2027-10-05"))
                .hasSize(19);
    }

    @Test
    void everyYearFileIsNamedForItsYearAndOnlyWeekendsAreListedAsWorked() {
        assertThat(shipped.years()).extracting(CalendarYear::year).startsWith(2026, 2027).doesNotHaveDuplicates();
        for (CalendarYear year : shipped.years()) {
            assertThat(year.workdays()).allMatch(d -> d.getDayOfWeek() == DayOfWeek.SATURDAY
                    || d.getDayOfWeek() == DayOfWeek.SUNDAY);
            assertThat(Stream.concat(year.holidays().stream(), year.workdays().stream()))
                    .allMatch(d -> d.getYear() == year.year() || d.isAfter(LocalDate.of(year.year() - 1, 11, 30)));
        }
    }

    @Test
    void refusesTwoFilesThatListOneDay() {
        CalendarYear a = new CalendarYear(2026, CalendarYear.Status.OFFICIAL, "a", days("2026-12-31"), Set.of());
        CalendarYear b = new CalendarYear(2027, CalendarYear.Status.OFFICIAL, "b", Set.of(), Set.of());
        CalendarYear c = new CalendarYear(2027, CalendarYear.Status.PROVISIONAL, "c", days("2027-01-01"), Set.of());
        CalendarYear overlapping = new CalendarYear(2027, CalendarYear.Status.OFFICIAL, "d", days("2026-12-31"),
                Set.of());

        assertThatIllegalStateException().isThrownBy(() -> new HolidayCalendar(List.of(a, overlapping)))
                .withMessageContaining("2026-12-31");
        assertThatIllegalStateException().isThrownBy(() -> new HolidayCalendar(List.of(b, c)))
                .withMessageContaining("two calendar files for 2027");
    }

    private CalendarYear year(int year) {
        return shipped.years().stream().filter(y -> y.year() == year).findFirst().orElseThrow();
    }

    private static List<LocalDate> range(String first, String last) {
        return LocalDate.parse(first).datesUntil(LocalDate.parse(last).plusDays(1)).toList();
    }

    private static Set<LocalDate> days(String... isoDates) {
        return Stream.of(isoDates).map(LocalDate::parse).collect(Collectors.toSet());
    }
}
