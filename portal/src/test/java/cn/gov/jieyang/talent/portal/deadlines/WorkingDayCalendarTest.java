package cn.gov.jieyang.talent.portal.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Counting working days, on a part of the State Council's 2026 holiday notice written out here (the shipped files: HolidayCalendarTest). */
class WorkingDayCalendarTest {

    private static final WorkingDayCalendar CALENDAR_2026 = WorkingDayCalendar.of(
            days("2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-21",
                    "2026-02-22", "2026-02-23", "2026-04-04", "2026-04-05", "2026-04-06", "2026-09-25", "2026-09-26",
                    "2026-09-27", "2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06",
                    "2026-10-07"),
            days("2026-02-14", "2026-02-28", "2026-09-20", "2026-10-10"));

    @Test
    void skipsTheWeekendAndTheQingmingMondayAfterAFridayAcceptance() {
        // Friday 3 April; 4–6 April off (Qingming); counting starts the day after acceptance.
        assertThat(CALENDAR_2026.plusWorkingDays(LocalDate.parse("2026-04-03"), 1)).isEqualTo("2026-04-07");
        assertThat(CALENDAR_2026.plusWorkingDays(LocalDate.parse("2026-04-03"), 8)).isEqualTo("2026-04-16");
    }

    @Test
    void countsTheAdjustedWorkingSundayAndSkipsMidAutumnAndNationalDay() {
        // Friday 18 Sep: Sun 20 Sep is worked (1), 21–24 (2–5), 25–27 off, 28–30 (6–8), 1–7 Oct off, 8–9 Oct (9–10).
        assertThat(CALENDAR_2026.plusWorkingDays(LocalDate.parse("2026-09-18"), 1)).isEqualTo("2026-09-20");
        assertThat(CALENDAR_2026.plusWorkingDays(LocalDate.parse("2026-09-18"), 10)).isEqualTo("2026-10-09");
        // Saturday 10 Oct is worked: 11 working days end there rather than on Monday 12 Oct.
        assertThat(CALENDAR_2026.plusWorkingDays(LocalDate.parse("2026-09-18"), 11)).isEqualTo("2026-10-10");
    }

    @Test
    void spansTheSpringFestivalWeek() {
        // Friday 13 Feb: Sat 14 Feb is worked (1), 15–23 Feb off, Tue 24 Feb (2).
        assertThat(CALENDAR_2026.plusWorkingDays(LocalDate.parse("2026-02-13"), 2)).isEqualTo("2026-02-24");
        // 24–27 Feb (2–5), Sat 28 Feb worked (6), Mon 2 Mar (7), Tue 3 Mar (8).
        assertThat(CALENDAR_2026.plusWorkingDays(LocalDate.parse("2026-02-13"), 8)).isEqualTo("2026-03-03");
    }

    @Test
    void countsOnlyWeekendsOutsideTheKnownYears() {
        assertThat(CALENDAR_2026.plusWorkingDays(LocalDate.parse("2030-01-04"), 1)).isEqualTo("2030-01-07");
        assertThat(CALENDAR_2026.isWorkingDay(LocalDate.parse("2030-01-05"))).isFalse();
    }

    @Test
    void refusesAWorkingWeekendThatIsAWeekdayOrAHoliday() {
        assertThatIllegalArgumentException().isThrownBy(() -> WorkingDayCalendar.of(Set.of(), days("2026-04-07")));
        assertThatIllegalArgumentException().isThrownBy(
                () -> WorkingDayCalendar.of(days("2026-04-04"), days("2026-04-04")));
    }

    @Test
    void refusesANonPositiveOrAbsurdNumberOfDays() {
        assertThatIllegalArgumentException().isThrownBy(() -> CALENDAR_2026.plusWorkingDays(LocalDate.now(), 0));
        assertThatIllegalArgumentException().isThrownBy(() -> CALENDAR_2026.plusWorkingDays(LocalDate.now(), 367));
    }

    private static Set<LocalDate> days(String... isoDates) {
        return Stream.of(isoDates).map(LocalDate::parse).collect(Collectors.toSet());
    }
}
