package cn.gov.jieyang.talent.portal.review;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the working-day calendar from {@code review_calendar_day}, fresh on every use (a few dozen rows). */
@Component
class HolidayCalendar {

    private final JdbcClient jdbc;

    HolidayCalendar(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    WorkingDayCalendar current() {
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workingWeekends = new HashSet<>();
        jdbc.sql("select day, kind from review_calendar_day").query((rs, n) -> {
            LocalDate day = rs.getObject("day", LocalDate.class);
            ("holiday".equals(rs.getString("kind")) ? holidays : workingWeekends).add(day);
            return day;
        }).list();
        return WorkingDayCalendar.of(holidays, workingWeekends);
    }
}
