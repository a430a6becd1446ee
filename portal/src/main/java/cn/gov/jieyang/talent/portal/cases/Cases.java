package cn.gov.jieyang.talent.portal.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one writer of {@code application_case}: opens and discards draft cases and makes every move of
 * {@link CaseState}, with the columns that move with the state (return reason, hand-off reference,
 * acceptance time and due date, row version). Each move is one guarded update — the row changes only if
 * it is still in a state the move starts from (and, for a reviewer's move, in the version the reviewer
 * saw) — and publishes its {@link CaseEvent} in the same transaction. A refused move writes nothing and
 * throws {@link CaseMoveRefused}.
 *
 * <p>Callers decide whether someone may make a move (ownership, roles, the catalogue's handling); this
 * class decides only whether the case's state allows it.
 */
@Service
public class Cases {

    /**
     * Back in the queue from the start: an earlier acceptance, its deadline, the reason and who worked on it
     * no longer apply (a resubmitted case is anyone's to take again).
     */
    private static final String RESET = "return_reason = null, accepted_at = null, due_on = null, "
            + "assigned_to = null, assigned_at = null";

    /** A reviewer's move: one reviewer works on a case at a time ({@link CaseAssignments}). */
    private static final String WORKED_BY_THEM = "(assigned_to is null or assigned_to = :by)";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Cases(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Opens a draft case for a service chosen in a draft application.
     *
     * @param applicationId the draft
     * @param serviceCode   the chosen service
     * @param at            when
     * @return the new case's id
     */
    @Transactional
    public UUID open(UUID applicationId, String serviceCode, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into application_case (id, application_id, service_code, state, updated_at) "
                        + "values (?, ?, ?, ?, ?)")
                .params(id, applicationId, serviceCode, CaseState.DRAFT.code(), Timestamp.from(micros(at))).update();
        return id;
    }

    /**
     * Discards the draft case of a service removed from a draft application. A case that was submitted
     * is never deleted.
     *
     * @param applicationId the draft
     * @param serviceCode   the removed service
     * @return whether a draft case was deleted
     */
    @Transactional
    public boolean discardDraft(UUID applicationId, String serviceCode) {
        return jdbc.sql("delete from application_case where application_id = ? and service_code = ? and state = ?")
                .params(applicationId, serviceCode, CaseState.DRAFT.code()).update() == 1;
    }

    /**
     * Submits a draft case with its application: it waits for a reviewer.
     *
     * @param caseId the case
     * @param by     the applicant
     * @param at     when
     * @throws CaseMoveRefused if it is not a draft
     */
    @Transactional
    public void submit(UUID caseId, String by, Instant at) {
        Moved m = move(caseId, null, Set.of(CaseState.DRAFT), CaseState.PENDING, at, RESET, null, Map.of());
        events.publishEvent(new CaseSubmitted(caseId, m.applicationId(), m.serviceCode(), by, m.at()));
    }

    /**
     * Hands a draft case to the provincial system that handles its service.
     *
     * @param caseId           the case
     * @param handoffReference the reference the applicant quotes there
     * @param by               the applicant
     * @param at               when
     * @throws CaseMoveRefused if it is not a draft
     */
    @Transactional
    public void handOff(UUID caseId, String handoffReference, String by, Instant at) {
        Moved m = move(caseId, null, Set.of(CaseState.DRAFT), CaseState.HANDED_OFF, at,
                "handoff_reference = :reference", null, Map.of("reference", handoffReference));
        events.publishEvent(
                new CaseHandedOff(caseId, m.applicationId(), m.serviceCode(), handoffReference, by, m.at()));
    }

    /**
     * A reviewer accepts a pending case.
     *
     * @param caseId      the case
     * @param seenVersion the case version the reviewer's page showed
     * @param dueOn       the last day of a working-day limit, or null
     * @param by          the reviewer
     * @param at          when (the acceptance time)
     * @throws CaseMoveRefused if it is not pending, no longer in that version or another reviewer's
     */
    @Transactional
    public void accept(UUID caseId, int seenVersion, LocalDate dueOn, String by, Instant at) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("dueOn", dueOn);
        extra.put("by", by);
        // An unassigned case becomes the accepting reviewer's (V14); someone else's is not theirs to accept.
        Moved m = move(caseId, seenVersion, Set.of(CaseState.PENDING), CaseState.IN_PROGRESS, at,
                "return_reason = null, accepted_at = :at, due_on = :dueOn, assigned_at = coalesce(assigned_at, :at), "
                        + "assigned_to = coalesce(assigned_to, :by)", WORKED_BY_THEM, extra);
        events.publishEvent(new CaseAccepted(caseId, m.applicationId(), m.serviceCode(), dueOn, by, m.at()));
    }

    /**
     * A reviewer returns a pending or accepted case to the applicant.
     *
     * @param caseId      the case
     * @param seenVersion the case version the reviewer's page showed
     * @param reason      why (required; shown to the applicant as text)
     * @param by          the reviewer
     * @param at          when
     * @throws CaseMoveRefused if it is neither pending nor in progress, no longer in that version or another
     *                         reviewer's
     */
    @Transactional
    public void returnCase(UUID caseId, int seenVersion, String reason, String by, Instant at) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a returned case needs a reason");
        }
        Moved m = move(caseId, seenVersion, Set.of(CaseState.PENDING, CaseState.IN_PROGRESS), CaseState.RETURNED, at,
                "return_reason = :reason", WORKED_BY_THEM, Map.of("reason", reason, "by", by));
        events.publishEvent(new CaseReturned(caseId, m.applicationId(), m.serviceCode(), reason, by, m.at()));
    }

    /**
     * A reviewer completes an accepted case.
     *
     * @param caseId      the case
     * @param seenVersion the case version the reviewer's page showed
     * @param by          the reviewer
     * @param at          when
     * @throws CaseMoveRefused if it is not in progress, no longer in that version or another reviewer's
     */
    @Transactional
    public void complete(UUID caseId, int seenVersion, String by, Instant at) {
        Moved m = move(caseId, seenVersion, Set.of(CaseState.IN_PROGRESS), CaseState.COMPLETED, at, null,
                WORKED_BY_THEM, Map.of("by", by));
        events.publishEvent(new CaseCompleted(caseId, m.applicationId(), m.serviceCode(), by, m.at()));
    }

    /**
     * The applicant resubmits a returned case: it waits for a reviewer again, from the start.
     *
     * @param caseId the case
     * @param by     the applicant
     * @param at     when
     * @throws CaseMoveRefused if it is not returned
     */
    @Transactional
    public void resubmit(UUID caseId, String by, Instant at) {
        Moved m = move(caseId, null, Set.of(CaseState.RETURNED), CaseState.PENDING, at, RESET, null, Map.of());
        events.publishEvent(new CaseResubmitted(caseId, m.applicationId(), m.serviceCode(), by, m.at()));
    }

    /** What a guarded update changed. */
    private record Moved(UUID applicationId, String serviceCode, Instant at) {
    }

    /**
     * The guarded update every move is: state, the move's own columns, updated_at and version change
     * together, only from an allowed state (and version). The origins a method names must be edges of
     * {@link CaseState#next()}: the enum is the one statement of the rules.
     */
    private Moved move(UUID caseId, Integer seenVersion, Set<CaseState> from, CaseState to, Instant at, String set,
            String where, Map<String, ?> extra) {
        if (!from.stream().allMatch(state -> state.canMoveTo(to))) {
            throw new IllegalStateException("not a move of CaseState: " + from + " → " + to);
        }
        Instant stamp = micros(at);
        String sql = "update application_case set state = :to, " + (set == null ? "" : set + ", ")
                + "updated_at = :at, version = version + 1 where id = :id and state in (:from)"
                + (seenVersion == null ? "" : " and version = :version") + (where == null ? "" : " and " + where)
                + " returning application_id, service_code";
        JdbcClient.StatementSpec statement = jdbc.sql(sql)
                .param("to", to.code())
                .param("at", Timestamp.from(stamp))
                .param("id", caseId)
                .param("from", from.stream().map(CaseState::code).toList());
        if (seenVersion != null) {
            statement = statement.param("version", seenVersion);
        }
        for (Map.Entry<String, ?> e : extra.entrySet()) {
            statement = statement.param(e.getKey(), e.getValue());
        }
        List<Moved> moved = statement.query((rs, n) -> new Moved(rs.getObject(1, UUID.class), rs.getString(2), stamp))
                .list();
        if (moved.size() != 1) {
            throw new CaseMoveRefused(caseId, to);
        }
        return moved.get(0);
    }

    /** PostgreSQL keeps microseconds: the event carries exactly what is stored. */
    private static Instant micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }
}
