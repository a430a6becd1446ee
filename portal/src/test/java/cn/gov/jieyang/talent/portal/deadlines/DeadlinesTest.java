package cn.gov.jieyang.talent.portal.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.portal.cases.CaseState;
import cn.gov.jieyang.talent.portal.catalogue.Call;
import cn.gov.jieyang.talent.portal.catalogue.TimeLimit;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Due days and flags on the calendar files the portal ships (calendar/cn-2026.txt from the State
 * Council's 2026 notice; cn-2027.txt provisional), around Spring Festival and National Day.
 */
class DeadlinesTest {

    private static final HolidayCalendar SHIPPED = new HolidayCalendar(new PathMatchingResourcePatternResolver());
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final TimeLimit SKILL_APPRAISAL = TimeLimit.workingDaysFromAcceptance(8);
    private static final TimeLimit CERTIFICATE_REISSUE = TimeLimit.workingDaysFromAcceptance(10);

    @Test
    void springFestival2026CountsTheWorkedSaturdaysAndSkipsTheNineDaysOff() {
        // Fri 13 Feb: Sat 14 Feb worked (1); 15–23 Feb off; Tue 24 – Fri 27 Feb (2–5); Sat 28 Feb worked (6);
        // Mon 2 Mar (7), Tue 3 Mar (8), Wed 4 (9), Thu 5 (10).
        assertThat(dueOn(TimeLimit.workingDaysFromAcceptance(1), "2026-02-13T10:00")).isEqualTo("2026-02-14");
        assertThat(dueOn(TimeLimit.workingDaysFromAcceptance(2), "2026-02-13T10:00")).isEqualTo("2026-02-24");
        assertThat(dueOn(SKILL_APPRAISAL, "2026-02-13T10:00")).isEqualTo("2026-03-03");
        assertThat(dueOn(CERTIFICATE_REISSUE, "2026-02-13T10:00")).isEqualTo("2026-03-05");
        // Accepted on the worked Saturday or during the holiday: counting starts after it, on Tue 24 Feb.
        assertThat(dueOn(TimeLimit.workingDaysFromAcceptance(1), "2026-02-14T15:00")).isEqualTo("2026-02-24");
        assertThat(dueOn(TimeLimit.workingDaysFromAcceptance(1), "2026-02-18T09:00")).isEqualTo("2026-02-24");
        // Mon 23 Feb is the last day off (正月初七): a case accepted then is due on Tue 24 Feb after 1 day.
        assertThat(dueOn(TimeLimit.workingDaysFromAcceptance(1), "2026-02-23T09:00")).isEqualTo("2026-02-24");
    }

    @Test
    void nationalDay2026CountsTheWorkedSundayAndSaturdayAndSkipsMidAutumnAndTheGoldenWeek() {
        // Fri 18 Sep: Sun 20 Sep worked (1), 21–24 (2–5), 25–27 Sep off (中秋), 28–30 (6–8), 1–7 Oct off,
        // Thu 8 (9), Fri 9 (10), Sat 10 Oct worked (11).
        assertThat(dueOn(TimeLimit.workingDaysFromAcceptance(1), "2026-09-18T10:00")).isEqualTo("2026-09-20");
        assertThat(dueOn(SKILL_APPRAISAL, "2026-09-18T10:00")).isEqualTo("2026-09-30");
        assertThat(dueOn(CERTIFICATE_REISSUE, "2026-09-18T10:00")).isEqualTo("2026-10-09");
        assertThat(dueOn(TimeLimit.workingDaysFromAcceptance(11), "2026-09-18T10:00")).isEqualTo("2026-10-10");
        // Wed 30 Sep with a call's 20 working days: 8, 9, Sat 10 Oct (1–3), 12–16 (4–8), 19–23 (9–13),
        // 26–30 Oct (14–18), Mon 2 Nov (19), Tue 3 Nov (20).
        assertThat(dueOn(perCall(20), "2026-09-30T16:00")).isEqualTo("2026-11-03");
    }

    @Test
    void theAcceptanceDayIsChinasDateNotTheServersOrUtcs() {
        // 00:30 on Sat 14 Feb in China is still Fri 13 Feb in UTC: China's date counts, so the worked
        // Saturday is the acceptance day itself and the first working day after it is Tue 24 Feb.
        Instant justAfterMidnightInChina = Instant.parse("2026-02-13T16:30:00Z");
        assertThat(deadlinesAt("2026-02-14T09:00").dueOn(TimeLimit.workingDaysFromAcceptance(1), justAfterMidnightInChina))
                .hasValue(LocalDate.parse("2026-02-24"));
    }

    @Test
    void aPerCallServiceTakesTheWorkingDaysItsCallSetsAndNoneWithoutThem() {
        assertThat(dueOn(perCall(15), "2026-03-02T10:00")).isEqualTo("2026-03-23");
        assertThat(deadlinesAt("2026-03-02T10:00").dueOn(TimeLimit.perYearCall(Call.openFrom(LocalDate.parse(
                "2026-01-05")), LocalDate.parse("2026-03-02")), at("2026-03-02T10:00"))).isEmpty();
        assertThat(deadlinesAt("2026-03-02T10:00").dueOn(TimeLimit.perYearCall(null, LocalDate.parse("2026-03-02")),
                at("2026-03-02T10:00"))).isEmpty();
    }

    @Test
    void aCaseDueWithinTwoWorkingDaysIsFlaggedEvenWhenTheSpringFestivalMakesThatElevenCalendarDays() {
        // Today Fri 13 Feb 2026: the next two working days are Sat 14 Feb (worked) and Tue 24 Feb.
        Deadline.Bounds bounds = deadlinesAt("2026-02-13T09:00").bounds();

        assertThat(bounds.dueSoonUntil()).isEqualTo("2026-02-24");
        assertThat(standing(bounds, "2026-02-12")).isEqualTo(Deadline.Standing.OVERDUE);
        assertThat(standing(bounds, "2026-02-13")).isEqualTo(Deadline.Standing.DUE_SOON);
        assertThat(standing(bounds, "2026-02-24")).isEqualTo(Deadline.Standing.DUE_SOON);
        assertThat(standing(bounds, "2026-02-25")).isEqualTo(Deadline.Standing.ON_TIME);
        assertThat(bounds.of(CaseState.IN_PROGRESS, LocalDate.parse("2026-02-25")).flagged()).isFalse();
    }

    @Test
    void beforeNationalDayTheGoldenWeekDoesNotCountTowardsTheTwoDays() {
        // Today Wed 30 Sep 2026: Thu 8 and Fri 9 Oct are the next two working days.
        Deadline.Bounds bounds = deadlinesAt("2026-09-30T09:00").bounds();

        assertThat(standing(bounds, "2026-10-09")).isEqualTo(Deadline.Standing.DUE_SOON);
        assertThat(standing(bounds, "2026-10-10")).isEqualTo(Deadline.Standing.ON_TIME);
        // During the holiday a case due on the last day before it is overdue.
        assertThat(standing(deadlinesAt("2026-10-03T09:00").bounds(), "2026-09-30")).isEqualTo(Deadline.Standing.OVERDUE);
    }

    @Test
    void onlyACaseInProgressHasADeadlineRunning() {
        Deadline.Bounds bounds = deadlinesAt("2026-03-02T09:00").bounds();
        LocalDate past = LocalDate.parse("2026-02-27");

        assertThat(bounds.of(CaseState.IN_PROGRESS, past)).isEqualTo(new Deadline(past, Deadline.Standing.OVERDUE));
        for (CaseState state : CaseState.values()) {
            if (state != CaseState.IN_PROGRESS) {
                assertThat(bounds.of(state, past)).as(state.code()).isNull();
            }
        }
        assertThat(bounds.of(CaseState.IN_PROGRESS, null)).isNull();
    }

    @Test
    void countsIntoTheProvisional2027CalendarAcrossNewYearAndSpringFestival() {
        // Thu 31 Dec 2026: Fri 1 Jan 2027 is New Year's Day, so 1 working day is Mon 4 Jan.
        assertThat(dueOn(TimeLimit.workingDaysFromAcceptance(1), "2026-12-31T10:00")).isEqualTo("2027-01-04");
        // Thu 4 Feb 2027: 除夕 Fri 5 Feb to Wed 10 Feb off (statutory days and their 补假 until the notice).
        assertThat(dueOn(TimeLimit.workingDaysFromAcceptance(1), "2027-02-04T10:00")).isEqualTo("2027-02-11");
    }

    private static LocalDate dueOn(TimeLimit limit, String chinaTime) {
        return deadlinesAt(chinaTime).dueOn(limit, at(chinaTime)).orElseThrow();
    }

    private static Deadline.Standing standing(Deadline.Bounds bounds, String dueOn) {
        return bounds.of(CaseState.IN_PROGRESS, LocalDate.parse(dueOn)).standing();
    }

    private static TimeLimit perCall(int workingDays) {
        Call call = new Call(LocalDate.parse("2026-01-05"), null, "关于开展2026年度申报工作的通知", null, workingDays);
        return TimeLimit.perYearCall(call, LocalDate.parse("2026-01-05"));
    }

    private static Deadlines deadlinesAt(String chinaTime) {
        return new Deadlines(SHIPPED, Clock.fixed(at(chinaTime), ZoneOffset.UTC));
    }

    private static Instant at(String chinaTime) {
        return java.time.LocalDateTime.parse(chinaTime).atZone(CHINA).toInstant();
    }
}
