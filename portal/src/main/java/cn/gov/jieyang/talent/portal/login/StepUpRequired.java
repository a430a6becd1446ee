package cn.gov.jieyang.talent.portal.login;

/**
 * Thrown before anything is sealed or written when an action needs a face-verified session the
 * person does not have; the web layer answers it with {@link StepUp#begin}.
 */
public class StepUpRequired extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String returnTo;

    /**
     * @param returnTo the portal page to come back to after the face check (a path)
     */
    public StepUpRequired(String returnTo) {
        super("face verification required");
        this.returnTo = returnTo;
    }

    /**
     * @return the page to come back to
     */
    public String returnTo() {
        return returnTo;
    }
}
