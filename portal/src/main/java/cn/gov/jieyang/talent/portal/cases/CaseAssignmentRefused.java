package cn.gov.jieyang.talent.portal.cases;

import java.util.UUID;

/**
 * A claim, release or assignment was not made: the case is not open (pending, in progress or returned),
 * is no longer in the version the reviewer saw, or someone else works on it. Nothing was written.
 */
public class CaseAssignmentRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CaseAssignmentRefused(UUID caseId) {
        super("the assignment of case " + caseId + " was refused");
    }
}
