package cn.gov.jieyang.talent.portal.deadlines;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * China's working days: Monday to Friday, except public holidays, plus the weekend days that the
 * State Council's annual notice turns into working days (调休上班). Counts deadlines given as
 * "N working days from acceptance" (自受理之日起 N 个工作日).
 *
 * <p>Dates outside the years the calendar knows count weekends only; the calendar's data is one resource
 * file per year ({@code calendar/cn-<year>.txt}), read by {@link HolidayCalendar}.
 */
public final class WorkingDayCalendar {

    /** Longer than any service's limit by far: a bound, so a bad input cannot loop for long. */
    private static final int MAX_DAYS = 366;

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workingWeekends;

    private WorkingDayCalendar(Set<LocalDate> holidays, Set<LocalDate> workingWeekends) {
        this.holidays = Set.copyOf(holidays);
        this.workingWeekends = Set.copyOf(workingWeekends);
    }

    /**
     * A calendar with the given exceptions to Monday–Friday.
     *
     * @param holidays        public holidays (weekend holidays change nothing but are allowed)
     * @param workingWeekends Saturdays and Sundays that are working days
     * @return the calendar
     * @throws IllegalArgumentException if a working weekend is not a Saturday or Sunday, or a day is both
     */
    public static WorkingDayCalendar of(Set<LocalDate> holidays, Set<LocalDate> workingWeekends) {
        Objects.requireNonNull(holidays, "holidays");
        Objects.requireNonNull(workingWeekends, "workingWeekends");
        for (LocalDate day : workingWeekends) {
            if (!isWeekend(day)) {
                throw new IllegalArgumentException("a working weekend day must be a Saturday or Sunday: " + day);
            }
            if (holidays.contains(day)) {
                throw new IllegalArgumentException("a day cannot be both a holiday and a working day: " + day);
            }
        }
        return new WorkingDayCalendar(holidays, workingWeekends);
    }

    /**
     * Whether people work on this day.
     *
     * @param day the day
     * @return true for a working day
     */
    public boolean isWorkingDay(LocalDate day) {
        if (workingWeekends.contains(day)) {
            return true;
        }
        return !isWeekend(day) && !holidays.contains(day);
    }

    /**
     * The day a limit of {@code days} working days from {@code accepted} ends: the day of acceptance
     * itself is not counted (as 自受理之日起 is read for administrative time limits), so 1 working
     * day from a Friday is the next Monday when that Monday is a working day.
     *
     * @param accepted the acceptance date (in China's time zone)
     * @param days     working days, 1 to 366
     * @return the last day of the limit
     * @throws IllegalArgumentException if days is out of range
     */
    public LocalDate plusWorkingDays(LocalDate accepted, int days) {
        Objects.requireNonNull(accepted, "accepted");
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("working days out of range: " + days);
        }
        LocalDate day = accepted;
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    private static boolean isWeekend(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }
}
