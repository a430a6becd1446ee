package cn.gov.jieyang.talent.portal.application;

import cn.gov.jieyang.talent.portal.catalogue.SubjectType;
import cn.gov.jieyang.talent.portal.catalogue.TalentService;

/** Thrown when an applicant chooses a service its subject type may not apply for. */
public class IneligibleServiceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final SubjectType subjectType;
    private final String serviceCode;

    /**
     * Creates the exception.
     *
     * @param subjectType the applicant's type
     * @param service     the service it may not apply for
     */
    public IneligibleServiceException(SubjectType subjectType, TalentService service) {
        super("a subject of type " + subjectType + " may not apply for service " + service.code() + " ("
                + service.nameEn() + ", open to " + service.eligibility() + ")");
        this.subjectType = subjectType;
        this.serviceCode = service.code();
    }

    /**
     * The applicant's type.
     *
     * @return the type
     */
    public SubjectType subjectType() {
        return subjectType;
    }

    /**
     * The service that was refused.
     *
     * @return its code
     */
    public String serviceCode() {
        return serviceCode;
    }
}
