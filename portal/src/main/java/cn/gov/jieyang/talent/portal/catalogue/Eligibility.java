package cn.gov.jieyang.talent.portal.catalogue;

/** Who may apply for a service. */
public enum Eligibility {
    /** Only individuals. */
    INDIVIDUAL,
    /** Only enterprises. */
    ENTERPRISE,
    /** Individuals and enterprises. */
    BOTH;

    /**
     * Whether a subject of this type may apply.
     *
     * @param subjectType the applicant's type
     * @return true if it may
     */
    public boolean admits(SubjectType subjectType) {
        return switch (subjectType) {
            case INDIVIDUAL -> this != ENTERPRISE;
            case ENTERPRISE -> this != INDIVIDUAL;
        };
    }
}
