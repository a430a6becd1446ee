package cn.gov.jieyang.talent.portal.review;

import cn.gov.jieyang.talent.portal.cases.CaseState;
import cn.gov.jieyang.talent.portal.deadlines.Deadline;
import cn.gov.jieyang.talent.portal.web.ChinaTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The workbench's list: one page of a filtered list of cases, in the order of V14's indexes (due day,
 * none last; since when in the state; id) and continued after a {@link WorkbenchCursor} (keyset paging:
 * each page costs the same however deep, no OFFSET). Reads other features' tables with plain SQL and
 * writes none; states are bound as {@link CaseState#code()}.
 */
@Component
class WorkbenchQueries {

    /** Cases on one page. */
    static final int PAGE_SIZE = 50;

    /** The order key; the same expression as the indexes', so they serve it. */
    static final String ORDER_KEY = "coalesce(c.due_on, 'infinity'::date), c.updated_at, c.id";

    private static final String SELECT = "select c.id, a.reference, c.service_code, c.state, c.updated_at, c.due_on, "
            + "c.assigned_to, r.name as assignee_name, a.submitted_at, p.name as applicant_name "
            + "from application_case c join application a on a.id = c.application_id "
            + "join applicant_profile p on p.subject = a.applicant_subject "
            + "left join reviewer_seen r on r.subject = c.assigned_to ";

    private final JdbcClient jdbc;

    WorkbenchQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One page of the list.
     *
     * @param filter what to list, and after which case
     * @param me     the reviewer asking (for "assigned to me")
     * @param bounds today's deadline bounds (due soon, overdue)
     * @param scope  the services the reviewer reviews: no other case is listed
     * @return the cases and, if there are more, where the next page starts
     */
    Page page(WorkbenchFilter filter, String me, Deadline.Bounds bounds, ReviewScope.Scope scope) {
        if (scope.none()) {
            return new Page(List.of(), null);
        }
        Query q = query(filter, me, bounds, scope);
        List<Entry> rows = jdbc.sql(q.sql() + " limit " + (PAGE_SIZE + 1)).params(q.params())
                .query((rs, n) -> entry(rs, bounds)).list();
        if (rows.size() <= PAGE_SIZE) {
            return new Page(rows, null);
        }
        List<Entry> page = rows.subList(0, PAGE_SIZE);
        Entry last = page.get(PAGE_SIZE - 1);
        return new Page(List.copyOf(page), new WorkbenchCursor(last.dueOn(), last.sinceInstant(), last.caseId()));
    }

    /**
     * The page's SQL and its parameters, without the limit (also for EXPLAIN in the tests).
     *
     * @return the statement
     */
    Query query(WorkbenchFilter f, String me, Deadline.Bounds bounds, ReviewScope.Scope scope) {
        StringBuilder sql = new StringBuilder(SELECT).append("where c.state = :state");
        java.util.Map<String, Object> p = new java.util.LinkedHashMap<>();
        p.put("state", f.state().code());
        if (!scope.all()) {
            sql.append(" and c.service_code in (:scope)");
            p.put("scope", List.copyOf(scope.services()));
        }
        if (f.service() != null) {
            sql.append(" and c.service_code = :service");
            p.put("service", f.service());
        }
        if (f.submittedFrom() != null) {
            sql.append(" and a.submitted_at >= :from");
            p.put("from", Timestamp.from(f.submittedFrom().atStartOfDay(ChinaTime.ZONE).toInstant()));
        }
        if (f.submittedTo() != null) {
            sql.append(" and a.submitted_at < :to");
            p.put("to", Timestamp.from(f.submittedTo().plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant()));
        }
        switch (f.deadline()) {
            case OVERDUE -> sql.append(" and c.due_on < :today");
            case DUE_SOON -> sql.append(" and c.due_on >= :today and c.due_on <= :soon");
            case DUE_OR_OVERDUE -> sql.append(" and c.due_on <= :soon");
            case ANY -> { }
        }
        if (f.deadline() != WorkbenchFilter.DeadlineFilter.ANY) {
            p.put("today", bounds.today());
            p.put("soon", bounds.dueSoonUntil());
        }
        switch (f.assignment()) {
            case MINE -> {
                sql.append(" and c.assigned_to = :me");
                p.put("me", me);
            }
            case UNASSIGNED -> sql.append(" and c.assigned_to is null");
            case ANY -> { }
        }
        if (f.search() != null) {
            WorkbenchSearch s = f.search();
            switch (s.kind()) {
                case REFERENCE -> sql.append(" and a.reference = :q");
                case USCI -> sql.append(" and p.usci = :q");
                case NAME -> sql.append(" and p.name like :q");
                case ID_NUMBER -> sql.append(" and p.id_number_hash = :q");
            }
            p.put("q", switch (s.kind()) {
                case NAME -> s.namePattern();
                case ID_NUMBER -> s.idHash();
                default -> s.value();
            });
        }
        if (f.after() != null) {
            sql.append(" and (" + ORDER_KEY + ") > (coalesce(cast(:afterDue as date), 'infinity'::date), :afterAt, "
                    + ":afterId)");
            p.put("afterDue", f.after().dueOn());
            p.put("afterAt", Timestamp.from(f.after().since()));
            p.put("afterId", f.after().caseId());
        }
        sql.append(" order by ").append(ORDER_KEY);
        return new Query(sql.toString(), p);
    }

    private static Entry entry(ResultSet rs, Deadline.Bounds bounds) throws SQLException {
        CaseState state = CaseState.of(rs.getString("state"));
        LocalDate dueOn = rs.getObject("due_on", LocalDate.class);
        Instant since = rs.getTimestamp("updated_at").toInstant();
        Timestamp submitted = rs.getTimestamp("submitted_at");
        return new Entry(rs.getObject("id", UUID.class), rs.getString("reference"), rs.getString("service_code"),
                state, since, dueOn, bounds.of(state, dueOn), rs.getString("applicant_name"),
                rs.getString("assigned_to"), rs.getString("assignee_name"),
                submitted == null ? null : ChinaTime.localDateTime(submitted.toInstant()));
    }

    /** A statement with named parameters. */
    record Query(String sql, java.util.Map<String, Object> params) {
    }

    /**
     * A page of the list.
     *
     * @param entries the cases
     * @param next    where the next page starts, or null on the last page
     */
    record Page(List<Entry> entries, WorkbenchCursor next) {
    }

    /**
     * A case in the list.
     *
     * @param deadline     its running deadline, or null
     * @param assignedTo   who works on it, or null
     * @param assigneeName that reviewer's name as the workbench saw it, or null
     */
    record Entry(UUID caseId, String reference, String serviceCode, CaseState state, Instant sinceInstant,
            LocalDate dueOn, Deadline deadline, String applicantName, String assignedTo, String assigneeName,
            LocalDateTime submittedAt) {

        /**
         * Since when the case is in its state, in China's time.
         *
         * @return the local time
         */
        public LocalDateTime since() {
            return ChinaTime.localDateTime(sinceInstant);
        }
    }
}
