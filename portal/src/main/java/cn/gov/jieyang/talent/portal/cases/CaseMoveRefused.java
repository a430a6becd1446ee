package cn.gov.jieyang.talent.portal.cases;

import java.util.UUID;

/**
 * A case was not moved: it does not exist, is not in a state the move starts from, or (for a move made
 * on what a reviewer saw) is no longer in the version they saw. Nothing was written. Reviewers' pages
 * turn it into a 409; anywhere else it means the caller's own checks were wrong, and its transaction
 * rolls back.
 */
public class CaseMoveRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final UUID caseId;
    private final CaseState target;

    CaseMoveRefused(UUID caseId, CaseState target) {
        super("case " + caseId + " cannot move to " + target.code() + " from where it is now");
        this.caseId = caseId;
        this.target = target;
    }

    /**
     * The case.
     *
     * @return its id
     */
    public UUID caseId() {
        return caseId;
    }

    /**
     * The state it was to move to.
     *
     * @return the refused target
     */
    public CaseState target() {
        return target;
    }
}
