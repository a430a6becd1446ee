package cn.gov.jieyang.talent.portal.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who works on a case ({@code application_case.assigned_to}, V14): one reviewer at a time. Part of the
 * cases feature, the one writer of {@code application_case}. Like a move, each change is one guarded
 * update — only an open case (pending, in progress or returned), only in the version the reviewer saw,
 * only if the assignment is still what the change starts from — that bumps the version (so a page shown
 * before it is stale) and publishes a {@link CaseAssignmentChanged} in the same transaction; a refused
 * change writes nothing and throws {@link CaseAssignmentRefused}. Callers decide who may change it.
 */
@Service
public class CaseAssignments {

    /** Completed and handed-off cases have nobody working on them any more; drafts nobody yet. */
    private static final List<CaseState> OPEN = List.of(CaseState.PENDING, CaseState.IN_PROGRESS, CaseState.RETURNED);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    CaseAssignments(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * A reviewer takes an unassigned case.
     *
     * @param caseId      the case
     * @param seenVersion the version the reviewer's page showed
     * @param reviewer    the reviewer
     * @param at          when
     * @throws CaseAssignmentRefused if it is not open, not in that version, or already someone's
     */
    @Transactional
    public void claim(UUID caseId, int seenVersion, String reviewer, Instant at) {
        change(caseId, seenVersion, "assigned_to is null", reviewer, reviewer, at, CaseAssignmentChanged.Kind.CLAIMED);
    }

    /**
     * A reviewer gives up their own case: it is unassigned again.
     *
     * @param caseId      the case
     * @param seenVersion the version the reviewer's page showed
     * @param reviewer    the reviewer working on it
     * @param at          when
     * @throws CaseAssignmentRefused if it is not open, not in that version, or not this reviewer's
     */
    @Transactional
    public void release(UUID caseId, int seenVersion, String reviewer, Instant at) {
        change(caseId, seenVersion, "assigned_to = :by", null, reviewer, at, CaseAssignmentChanged.Kind.RELEASED);
    }

    /**
     * A reviewer gives a case that is unassigned or their own to another reviewer.
     *
     * @param caseId      the case
     * @param seenVersion the version the reviewer's page showed
     * @param assignee    the reviewer who will work on it
     * @param by          the reviewer assigning it
     * @param at          when
     * @throws CaseAssignmentRefused if it is not open, not in that version, or someone else's
     */
    @Transactional
    public void assign(UUID caseId, int seenVersion, String assignee, String by, Instant at) {
        Objects.requireNonNull(assignee, "assignee");
        change(caseId, seenVersion, "(assigned_to is null or assigned_to = :by)", assignee, by, at,
                CaseAssignmentChanged.Kind.ASSIGNED);
    }

    /**
     * A supervisor gives an open case to a reviewer, whoever works on it now.
     *
     * @param caseId      the case
     * @param seenVersion the version the supervisor's page showed
     * @param assignee    the reviewer who will work on it
     * @param by          the supervisor
     * @param at          when
     * @throws CaseAssignmentRefused if it is not open or not in that version
     */
    @Transactional
    public void reassign(UUID caseId, int seenVersion, String assignee, String by, Instant at) {
        Objects.requireNonNull(assignee, "assignee");
        change(caseId, seenVersion, "true", assignee, by, at, CaseAssignmentChanged.Kind.ASSIGNED);
    }

    /**
     * A supervisor takes an open case away from whoever works on it: it is unassigned again.
     *
     * @param caseId      the case
     * @param seenVersion the version the supervisor's page showed
     * @param by          the supervisor
     * @param at          when
     * @throws CaseAssignmentRefused if it is not open, not in that version, or not assigned
     */
    @Transactional
    public void unassign(UUID caseId, int seenVersion, String by, Instant at) {
        change(caseId, seenVersion, "assigned_to is not null", null, by, at, CaseAssignmentChanged.Kind.RELEASED);
    }

    private void change(UUID caseId, int seenVersion, String from, String assignee, String by, Instant at,
            CaseAssignmentChanged.Kind kind) {
        Instant stamp = at.truncatedTo(ChronoUnit.MICROS);
        record Changed(UUID applicationId, String serviceCode) {
        }
        List<Changed> changed = jdbc.sql("update application_case set assigned_to = :assignee, "
                        + "assigned_at = :assignedAt, version = version + 1 "
                        + "where id = :id and version = :version and state in (:open) and " + from
                        + " returning application_id, service_code")
                .param("assignee", assignee)
                .param("assignedAt", assignee == null ? null : Timestamp.from(stamp))
                .param("id", caseId)
                .param("version", seenVersion)
                .param("open", OPEN.stream().map(CaseState::code).toList())
                .param("by", by)
                .query((rs, n) -> new Changed(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
        if (changed.size() != 1) {
            throw new CaseAssignmentRefused(caseId);
        }
        events.publishEvent(new CaseAssignmentChanged(caseId, changed.get(0).applicationId(),
                changed.get(0).serviceCode(), kind, assignee, by, stamp));
    }
}
