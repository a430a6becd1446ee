package cn.gov.jieyang.talent.portal.review;

import cn.gov.jieyang.talent.portal.cases.CaseState;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the workbench lists (GET /review): one state of one or all services, narrowed by when the
 * application was submitted, the deadline, who works on the case and a search. Built from the request's
 * parameters; a value that does not read is left out, as if not given (the page shows what it used).
 *
 * @param service       a service code, or null for all
 * @param state         the state listed (a tab); the deadline filters imply in progress
 * @param submittedFrom first day of submission (China time), or null
 * @param submittedTo   last day of submission (China time, included), or null
 * @param deadline      which running deadlines
 * @param assignment    whose cases
 * @param search        what was searched, or null
 * @param after         where the previous page ended, or null for the first page
 */
record WorkbenchFilter(String service, CaseState state, LocalDate submittedFrom, LocalDate submittedTo,
        DeadlineFilter deadline, AssignmentFilter assignment, WorkbenchSearch search, WorkbenchCursor after) {

    /** The states the workbench lists, in the order of its tabs. */
    static final List<CaseState> STATES = List.of(CaseState.PENDING, CaseState.IN_PROGRESS, CaseState.RETURNED,
            CaseState.COMPLETED, CaseState.HANDED_OFF);

    private static final Pattern SERVICE = Pattern.compile("[a-z][a-z0-9-]{0,63}");

    /** Running deadlines (only cases in progress have one). */
    public enum DeadlineFilter {
        /** Any, or none. */
        ANY,
        /** Due within {@code Deadlines.DUE_SOON_WORKING_DAYS} working days. */
        DUE_SOON,
        /** Past the due day. */
        OVERDUE,
        /** Either. */
        DUE_OR_OVERDUE;

        /**
         * The parameter value and message key suffix.
         *
         * @return e.g. {@code due-soon}
         */
        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Whose cases. */
    public enum AssignmentFilter {
        /** Anyone's or no one's. */
        ANY,
        /** The reviewer's own. */
        MINE,
        /** No one's yet. */
        UNASSIGNED;

        /**
         * The parameter value and message key suffix.
         *
         * @return e.g. {@code mine}
         */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    WorkbenchFilter {
        if (deadline != DeadlineFilter.ANY) {
            state = CaseState.IN_PROGRESS;
        }
    }

    /**
     * Reads the request's parameters (each may be null or malformed).
     *
     * @param search the search, already classified ({@link WorkbenchSearch#parse})
     */
    static WorkbenchFilter of(String service, String state, String from, String to, String deadline, String assigned,
            WorkbenchSearch search, String after) {
        return new WorkbenchFilter(service != null && SERVICE.matcher(service).matches() ? service : null,
                STATES.stream().filter(s -> s.code().equals(state)).findFirst().orElse(CaseState.PENDING),
                date(from), date(to), pick(DeadlineFilter.values(), deadline, DeadlineFilter.ANY),
                pick(AssignmentFilter.values(), assigned, AssignmentFilter.ANY), search, WorkbenchCursor.parse(after));
    }

    /** The same list in another state (a tab), from its first page. */
    WorkbenchFilter inState(CaseState other) {
        return new WorkbenchFilter(service, other, submittedFrom, submittedTo,
                other == CaseState.IN_PROGRESS ? deadline : DeadlineFilter.ANY, assignment, search, null);
    }

    /** The next page of this list. */
    WorkbenchFilter after(WorkbenchCursor cursor) {
        return new WorkbenchFilter(service, state, submittedFrom, submittedTo, deadline, assignment, search, cursor);
    }

    /** The query parameters that give this list (for links), without empty ones. */
    Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, "service", service);
        p.put("state", state.code());
        put(p, "from", submittedFrom == null ? null : submittedFrom.toString());
        put(p, "to", submittedTo == null ? null : submittedTo.toString());
        put(p, "deadline", deadline == DeadlineFilter.ANY ? null : deadline.code());
        put(p, "assigned", assignment == AssignmentFilter.ANY ? null : assignment.code());
        if (search != null) {
            p.putAll(search.params());
        }
        put(p, "after", after == null ? null : after.toString());
        return p;
    }

    private static void put(Map<String, String> p, String key, String value) {
        if (value != null) {
            p.put(key, value);
        }
    }

    private static LocalDate date(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 10) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> E pick(E[] values, String raw, E otherwise) {
        return Arrays.stream(values)
                .filter(v -> v.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(raw))
                .findFirst().orElse(otherwise);
    }
}
