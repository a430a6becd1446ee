package cn.gov.jieyang.talent.portal.catalogue;

/** How long the bureau takes: as the year's call says, or a number of working days from acceptance. */
public sealed interface TimeLimit {

    /**
     * Per that year's call (以当年申报通知为准).
     *
     * @param callOpen whether this year's call is currently open
     * @return the time limit
     */
    static TimeLimit perYearCall(boolean callOpen) {
        return new PerYearCall(callOpen);
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
     * Dates and deadlines are set by each year's call.
     *
     * @param callOpen whether this year's call is currently open
     */
    record PerYearCall(boolean callOpen) implements TimeLimit {
        @Override
        public boolean acceptsApplications() {
            return callOpen;
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
    }
}
