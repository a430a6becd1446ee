package cn.gov.jieyang.talent.portal.deadlines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The working-day calendar, from one resource file per year ({@code calendar/cn-<year>.txt}, see
 * {@link CalendarYear}), read once at startup: the calendar changes only with a release, as the State
 * Council publishes each year's notice. A file that does not read, or two files that list one day, stop
 * the start with the file and line named, so a bad calendar is never used quietly.
 */
@Component
class HolidayCalendar {

    /** Where the year files are, on the class path (inside the jar). */
    static final String LOCATION = "classpath*:calendar/cn-*.txt";

    private static final Logger log = LoggerFactory.getLogger(HolidayCalendar.class);

    private final List<CalendarYear> years;
    private final WorkingDayCalendar calendar;

    /** The files on the class path (tests pass a {@link PathMatchingResourcePatternResolver}). */
    @Autowired
    HolidayCalendar(ResourcePatternResolver resources) {
        this(read(resources));
    }

    HolidayCalendar(List<CalendarYear> years) {
        this.years = years.stream().sorted(Comparator.comparingInt(CalendarYear::year)).toList();
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workdays = new HashSet<>();
        Set<Integer> seen = new HashSet<>();
        for (CalendarYear year : this.years) {
            if (!seen.add(year.year())) {
                throw new IllegalStateException("two calendar files for " + year.year());
            }
            for (LocalDate day : year.holidays()) {
                if (workdays.contains(day) || !holidays.add(day)) {
                    throw new IllegalStateException("calendar " + year.year() + " lists " + day + " again");
                }
            }
            for (LocalDate day : year.workdays()) {
                if (holidays.contains(day) || !workdays.add(day)) {
                    throw new IllegalStateException("calendar " + year.year() + " lists " + day + " again");
                }
            }
        }
        this.calendar = WorkingDayCalendar.of(holidays, workdays);
        for (CalendarYear year : this.years) {
            if (year.status() == CalendarYear.Status.PROVISIONAL) {
                log.warn("Working-day calendar {} is provisional (statutory holidays only, no 调休): deadlines running "
                        + "into it may move once the State Council's notice is added (portal/README.md, Working days)",
                        year.year());
            } else {
                log.info("Working-day calendar {}: {}", year.year(), year.source());
            }
        }
    }

    /**
     * The calendar of every year on file; other years count weekends only.
     *
     * @return the calendar
     */
    WorkingDayCalendar calendar() {
        return calendar;
    }

    /**
     * The years on file, in order.
     *
     * @return the years
     */
    List<CalendarYear> years() {
        return years;
    }

    private static List<CalendarYear> read(ResourcePatternResolver resources) {
        try {
            List<CalendarYear> years = new ArrayList<>();
            for (Resource file : resources.getResources(LOCATION)) {
                String name = file.getFilename();
                String text = file.getContentAsString(StandardCharsets.UTF_8);
                years.add(CalendarYear.parse(name, text.lines().toList()));
            }
            if (years.isEmpty()) {
                throw new IllegalStateException("no working-day calendar found at " + LOCATION);
            }
            return years;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the working-day calendar at " + LOCATION, e);
        }
    }
}
