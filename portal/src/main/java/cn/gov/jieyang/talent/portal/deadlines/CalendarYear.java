package cn.gov.jieyang.talent.portal.deadlines;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One year of mainland China's working-day calendar, as its resource file {@code calendar/cn-<year>.txt}
 * states it: the days off (放假) and the weekend days worked instead (调休上班) that the State Council's
 * notice for that year sets, or, until the notice is out, the statutory days alone ({@link Status#PROVISIONAL}).
 *
 * <p>The file format, one statement a line ({@code #} starts a comment):
 * <pre>
 * year 2026
 * status official                       (or provisional)
 * source 国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）
 * holiday 2026-02-15 2026-02-23 春节     (first and last day off, both included; or one day)
 * workday 2026-02-14 春节                (a Saturday or Sunday worked)
 * </pre>
 * A file is refused whole, naming the file and line, if anything in it is off: a date outside the year
 * (December of the year before is allowed, where a New Year's 调休 may fall), a day listed twice, a
 * worked day that is not a weekend day, a range backwards or longer than a month, or a header missing.
 *
 * @param year     the calendar year
 * @param status   whether the year's notice is in the file
 * @param source   where the days come from (the notice's title and date)
 * @param holidays days off
 * @param workdays weekend days worked
 */
public record CalendarYear(int year, Status status, String source, Set<LocalDate> holidays, Set<LocalDate> workdays) {

    /** Whether the days are the State Council's for that year or a stand-in until its notice is published. */
    public enum Status {
        /** The year's notice, day by day. */
        OFFICIAL,
        /** Statutory holidays only, no 调休: to be replaced by the notice. */
        PROVISIONAL
    }

    private static final Pattern FILE_NAME = Pattern.compile("cn-(\\d{4})\\.txt");
    private static final Pattern LINE = Pattern.compile("(\\S+)\\s+(.+)");
    private static final Pattern HOLIDAY = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:\\s+(\\d{4}-\\d{2}-\\d{2}))?\\s+([^\\d\\s].*)");
    private static final Pattern WORKDAY = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\s+([^\\d\\s].*)");
    /** The longest holiday so far is 9 days (Spring Festival 2026): a month means a typo. */
    private static final int LONGEST_RANGE_DAYS = 31;

    /**
     * Copies the sets, sorted.
     *
     * @param year     the year
     * @param status   official or provisional
     * @param source   the source, not blank
     * @param holidays days off
     * @param workdays weekend days worked
     */
    public CalendarYear {
        Objects.requireNonNull(status, "status");
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("a calendar year needs its source");
        }
        holidays = Set.copyOf(new TreeSet<>(holidays));
        workdays = Set.copyOf(new TreeSet<>(workdays));
    }

    /**
     * Reads one year's file.
     *
     * @param fileName the file's name, {@code cn-<year>.txt}
     * @param lines    its lines
     * @return the year
     * @throws IllegalArgumentException naming the file and line of the first problem
     */
    public static CalendarYear parse(String fileName, List<String> lines) {
        Matcher name = FILE_NAME.matcher(fileName);
        if (!name.matches()) {
            throw new IllegalArgumentException(fileName + ": a calendar file is named cn-<year>.txt");
        }
        int fileYear = Integer.parseInt(name.group(1));
        Map<String, String> header = new LinkedHashMap<>();
        Set<LocalDate> holidays = new TreeSet<>();
        Set<LocalDate> workdays = new TreeSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String where = fileName + ":" + (i + 1);
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException(where + ": expected '<keyword> <value>', got: " + line);
            }
            String keyword = m.group(1).toLowerCase(Locale.ROOT);
            String rest = m.group(2).strip();
            switch (keyword) {
                case "year", "status", "source" -> {
                    if (header.putIfAbsent(keyword, rest) != null) {
                        throw new IllegalArgumentException(where + ": '" + keyword + "' given twice");
                    }
                }
                case "holiday" -> {
                    Matcher h = HOLIDAY.matcher(rest);
                    if (!h.matches()) {
                        throw new IllegalArgumentException(where + ": expected 'holiday <first> [<last>] <festival>'");
                    }
                    LocalDate first = date(where, h.group(1), fileYear);
                    LocalDate last = h.group(2) == null ? first : date(where, h.group(2), fileYear);
                    long days = ChronoUnit.DAYS.between(first, last) + 1;
                    if (days < 1 || days > LONGEST_RANGE_DAYS) {
                        throw new IllegalArgumentException(where + ": a holiday runs forwards, at most "
                                + LONGEST_RANGE_DAYS + " days: " + first + " to " + last);
                    }
                    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                        once(where, d, holidays, workdays);
                        holidays.add(d);
                    }
                }
                case "workday" -> {
                    Matcher w = WORKDAY.matcher(rest);
                    if (!w.matches()) {
                        throw new IllegalArgumentException(where + ": expected 'workday <day> <festival>'");
                    }
                    LocalDate day = date(where, w.group(1), fileYear);
                    if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                        throw new IllegalArgumentException(where + ": a worked day listed here is a Saturday or "
                                + "Sunday (Monday to Friday are working days anyway): " + day + " is a "
                                + day.getDayOfWeek());
                    }
                    once(where, day, holidays, workdays);
                    workdays.add(day);
                }
                default -> throw new IllegalArgumentException(where + ": unknown keyword '" + keyword + "'");
            }
        }
        for (String required : List.of("year", "status", "source")) {
            if (!header.containsKey(required)) {
                throw new IllegalArgumentException(fileName + ": '" + required + "' is missing");
            }
        }
        if (!header.get("year").equals(String.valueOf(fileYear))) {
            throw new IllegalArgumentException(fileName + ": says year " + header.get("year"));
        }
        Status status;
        try {
            status = Status.valueOf(header.get("status").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(fileName + ": status is 'official' or 'provisional', not '"
                    + header.get("status") + "'");
        }
        return new CalendarYear(fileYear, status, header.get("source"), holidays, workdays);
    }

    private static LocalDate date(String where, String text, int year) {
        LocalDate day;
        try {
            day = LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(where + ": not a date: " + text);
        }
        // A notice may move a New Year's working day into the December before (as the 2019 notice did).
        if (day.isBefore(LocalDate.of(year - 1, 12, 1)) || day.getYear() > year) {
            throw new IllegalArgumentException(where + ": " + day + " is not in " + year);
        }
        return day;
    }

    private static void once(String where, LocalDate day, Set<LocalDate> holidays, Set<LocalDate> workdays) {
        if (holidays.contains(day) || workdays.contains(day)) {
            throw new IllegalArgumentException(where + ": " + day + " is listed twice");
        }
    }
}
