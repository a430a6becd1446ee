package cn.gov.jieyang.talent.portal.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.portal.PortalTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The calendar as migrated (V7) gives the deadlines the 2026 notice implies. */
@PortalTest
class HolidayCalendarTest {

    @Autowired
    HolidayCalendar holidays;

    @Test
    void countsTheMigratedHolidaysAndWorkingWeekends() {
        WorkingDayCalendar calendar = holidays.current();

        // Friday before Labour Day: 1–5 May off, Sat 9 May worked.
        assertThat(calendar.plusWorkingDays(LocalDate.parse("2026-04-30"), 1)).isEqualTo("2026-05-06");
        assertThat(calendar.plusWorkingDays(LocalDate.parse("2026-04-30"), 4)).isEqualTo("2026-05-09");
        // Friday before Qingming, 8 working days (skill appraisal's limit).
        assertThat(calendar.plusWorkingDays(LocalDate.parse("2026-04-03"), 8)).isEqualTo("2026-04-16");
        // New Year 2026: Sun 4 Jan worked.
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-01-04"))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-01-02"))).isFalse();
        // 2027 (provisional, statutory days): Spring Festival eve, a Friday.
        assertThat(calendar.isWorkingDay(LocalDate.parse("2027-02-05"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2027-02-09"))).isTrue();
    }
}
