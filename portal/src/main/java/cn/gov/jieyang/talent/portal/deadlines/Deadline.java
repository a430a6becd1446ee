package cn.gov.jieyang.talent.portal.deadlines;

import cn.gov.jieyang.talent.portal.cases.CaseState;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A case's deadline as it stands today: the day it is due and whether that is still ahead, near
 * (due within {@value Deadlines#DUE_SOON_WORKING_DAYS} working days, today included) or past. Only a case
 * in progress (accepted, neither completed nor returned) has one running; {@link Bounds#of} is the one
 * rule, used by every page and every query that sorts or counts by it.
 *
 * @param dueOn    the last day of the time limit (the case is on time when completed that day)
 * @param standing where today is against it
 */
public record Deadline(LocalDate dueOn, Standing standing) {

    /** Where today stands against a due date. */
    public enum Standing {
        /** More than {@value Deadlines#DUE_SOON_WORKING_DAYS} working days left. */
        ON_TIME("on-time"),
        /** Due today or within {@value Deadlines#DUE_SOON_WORKING_DAYS} working days. */
        DUE_SOON("due-soon"),
        /** The due day has passed. */
        OVERDUE("overdue");

        private final String code;

        Standing(String code) {
            this.code = code;
        }

        /**
         * The suffix of the message key {@code deadlines.standing.<code>} and the CSS class.
         *
         * @return e.g. {@code due-soon}
         */
        public String code() {
            return code;
        }
    }

    /**
     * Checks the parts.
     *
     * @param dueOn    the due day
     * @param standing where today is
     */
    public Deadline {
        Objects.requireNonNull(dueOn, "dueOn");
        Objects.requireNonNull(standing, "standing");
    }

    /**
     * Whether the pages flag it (due soon or overdue).
     *
     * @return true unless on time
     */
    public boolean flagged() {
        return standing != Standing.ON_TIME;
    }

    /**
     * Today's two boundaries: a due day before {@code today} is overdue, one on or before
     * {@code dueSoonUntil} is due soon. SQL that sorts or counts cases by standing binds these two dates;
     * pages use {@link #of}.
     *
     * @param today        today in China
     * @param dueSoonUntil the last due day that counts as due soon today
     */
    public record Bounds(LocalDate today, LocalDate dueSoonUntil) {

        /**
         * Checks the order.
         *
         * @param today        today
         * @param dueSoonUntil not before today
         */
        public Bounds {
            Objects.requireNonNull(today, "today");
            if (dueSoonUntil.isBefore(today)) {
                throw new IllegalArgumentException("due-soon bound before today: " + dueSoonUntil);
            }
        }

        /**
         * The deadline running for a case.
         *
         * @param state the case's state
         * @param dueOn its due day, or null
         * @return the deadline, or null when none runs (not in progress, or no working-day limit)
         */
        public Deadline of(CaseState state, LocalDate dueOn) {
            if (state != CaseState.IN_PROGRESS || dueOn == null) {
                return null;
            }
            Standing standing = dueOn.isBefore(today) ? Standing.OVERDUE
                    : dueOn.isAfter(dueSoonUntil) ? Standing.ON_TIME : Standing.DUE_SOON;
            return new Deadline(dueOn, standing);
        }
    }
}
