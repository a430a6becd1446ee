package cn.gov.jieyang.talent.portal.catalogue;

import java.time.LocalDate;
import java.util.OptionalInt;

/** How long the bureau takes: as the year's call says, or a number of working days from acceptance. */
public sealed interface TimeLimit {

    /**
     * Per that year's call (以当年申报通知为准).
     *
     * @param current the call in force (the latest one opened by today), or null when none has opened yet
     * @param today   today in China
     * @return the time limit, accepting applications while the call is open
     */
    static TimeLimit perYearCall(Call current, LocalDate today) {
        return new PerYearCall(current, current != null && current.isOpenOn(today));
    }

    /**
     * Within a number of working days from acceptance (自受理之日起 N 个工作日).
     *
     * @param days the number of working days, positive
     * @return the time limit
     */
    static TimeLimit workingDaysFromAcceptance(int days) {
        return new WorkingDays(days);
    }

    /**
     * Whether applications are accepted now: always for a working-days limit, while the call is
     * open for a per-call one.
     *
     * @return true if an application may be submitted
     */
    boolean acceptsApplications();

    /**
     * The working days an accepted case has: the service's own limit, or the one the call in force sets.
     *
     * @return the number of working days from acceptance, or empty when no number is set
     */
    OptionalInt workingDays();

    /**
     * Dates and deadlines are set by each year's call.
     *
     * @param call the call in force (the latest one opened by the day the catalogue was read), or null
     * @param open whether it takes applications that day
     */
    record PerYearCall(Call call, boolean open) implements TimeLimit {

        /**
         * Checks that an open call exists.
         *
         * @param call the call, or null
         * @param open whether it is open
         * @throws IllegalArgumentException if open without a call
         */
        public PerYearCall {
            if (open && call == null) {
                throw new IllegalArgumentException("an open call needs its window");
            }
        }

        @Override
        public boolean acceptsApplications() {
            return open;
        }

        @Override
        public OptionalInt workingDays() {
            return call == null || call.workingDays() == null ? OptionalInt.empty() : OptionalInt.of(call.workingDays());
        }
    }

    /**
     * Handled within {@code days} working days of acceptance, once the materials are complete.
     *
     * @param days working days, positive
     */
    record WorkingDays(int days) implements TimeLimit {

        /**
         * Checks the number of days.
         *
         * @param days working days
         * @throws IllegalArgumentException if not positive
         */
        public WorkingDays {
            if (days <= 0) {
                throw new IllegalArgumentException("working days must be positive: " + days);
            }
        }

        @Override
        public boolean acceptsApplications() {
            return true;
        }

        @Override
        public OptionalInt workingDays() {
            return OptionalInt.of(days);
        }
    }
}
