package cn.gov.jieyang.talent.portal.web;

import java.util.Objects;
import org.springframework.http.HttpStatus;

/**
 * The one exception type features throw for a problem the person should see: a stable error code
 * (also the message-bundle key {@code error.<code>}) and the HTTP status. {@link PortalErrors} turns
 * it into the error page. Messages never contain personal data.
 */
public class PortalProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final HttpStatus status;

    /**
     * Creates a problem.
     *
     * @param code      stable code, e.g. {@code application.not-found}
     * @param status HTTP status to answer with
     */
    public PortalProblem(String code, HttpStatus status) {
        super(code);
        this.code = Objects.requireNonNull(code, "code");
        this.status = Objects.requireNonNull(status, "status");
    }

    /**
     * A 404 for a record that does not exist or that the person may not see: the two are
     * indistinguishable on purpose, so guessing ids reveals nothing.
     *
     * @param code stable code
     * @return the problem
     */
    public static PortalProblem notFound(String code) {
        return new PortalProblem(code, HttpStatus.NOT_FOUND);
    }

    /**
     * A 409 for an action the record's current state does not allow.
     *
     * @param code stable code
     * @return the problem
     */
    public static PortalProblem conflict(String code) {
        return new PortalProblem(code, HttpStatus.CONFLICT);
    }

    /**
     * The stable error code.
     *
     * @return the code
     */
    public String code() {
        return code;
    }

    /**
     * The HTTP status.
     *
     * @return the status
     */
    public HttpStatus status() {
        return status;
    }
}
