package cn.gov.jieyang.talent.portal.deadlines;

import cn.gov.jieyang.talent.portal.catalogue.TimeLimit;
import cn.gov.jieyang.talent.portal.web.ChinaTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.springframework.stereotype.Service;

/**
 * Case deadlines: the due day computed when a case is accepted, and where today stands against it. The
 * one place both are defined; the review and matters features show what this says.
 *
 * <p>Due day = the acceptance day in China + N working days of the {@link WorkingDayCalendar}, the
 * acceptance day itself not counted, where N is the service's own limit ("自受理之日起 N 个工作日") or,
 * for a service whose limit is set by each year's call (以当年申报通知为准), the one the call in force
 * states; with neither there is no due day.
 */
@Service
public class Deadlines {

    /** A case due within this many working days (today included) is flagged as due soon. */
    public static final int DUE_SOON_WORKING_DAYS = 2;

    private final HolidayCalendar holidays;
    private final Clock clock;

    Deadlines(HolidayCalendar holidays, Clock clock) {
        this.holidays = Objects.requireNonNull(holidays, "holidays");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The due day of a case accepted now under a time limit.
     *
     * @param limit      the service's time limit as the catalogue reads it now (with the call in force)
     * @param acceptedAt when the case is accepted
     * @return the last day of the limit, or empty when the limit sets no number of working days
     */
    public Optional<LocalDate> dueOn(TimeLimit limit, Instant acceptedAt) {
        OptionalInt days = limit.workingDays();
        if (days.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(calendar().plusWorkingDays(LocalDate.ofInstant(acceptedAt, ChinaTime.ZONE), days.getAsInt()));
    }

    /**
     * Today's boundaries between on time, due soon and overdue.
     *
     * @return the bounds for today in China
     */
    public Deadline.Bounds bounds() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ChinaTime.ZONE);
        return new Deadline.Bounds(today, calendar().plusWorkingDays(today, DUE_SOON_WORKING_DAYS));
    }

    /**
     * The working-day calendar deadlines are counted on.
     *
     * @return the calendar
     */
    public WorkingDayCalendar calendar() {
        return holidays.calendar();
    }

    /**
     * The calendar's years on file, each official or provisional.
     *
     * @return the years, in order
     */
    public List<CalendarYear> years() {
        return holidays.years();
    }
}
