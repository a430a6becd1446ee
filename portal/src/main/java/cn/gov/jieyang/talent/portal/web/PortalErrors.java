package cn.gov.jieyang.talent.portal.web;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The portal's one error mapping: every {@link PortalProblem} becomes the error page with its stable
 * code and localised message. Unexpected exceptions go to Spring Boot's error page (templates/error.html),
 * which shows no stack trace.
 */
@ControllerAdvice
class PortalErrors {

    private static final Logger log = LoggerFactory.getLogger(PortalErrors.class);

    @ExceptionHandler(PortalProblem.class)
    ModelAndView problem(PortalProblem problem, HttpServletResponse response) {
        // The code is the only detail logged: problems carry no personal data by construction.
        log.info("portal problem {} ({})", problem.code(), problem.status().value());
        return page(problem.code(), problem.status(), response);
    }

    /**
     * An upload larger than the servlet container accepts at all (spring.servlet.multipart.*) never
     * reaches a controller: say so plainly instead of failing the request.
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView uploadTooLarge(MaxUploadSizeExceededException e, HttpServletResponse response) {
        log.info("upload refused by the multipart limit");
        return page("upload-too-large", HttpStatus.PAYLOAD_TOO_LARGE, response);
    }

    /**
     * A path or parameter that is not even of the right shape (e.g. {@code /applications/not-a-uuid}) names
     * no record: the same 404 as an id that does not exist or is someone else's.
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView malformedId(MethodArgumentTypeMismatchException e, HttpServletResponse response) {
        log.info("malformed request value for {}", e.getName());
        return page("not-found", HttpStatus.NOT_FOUND, response);
    }

    private static ModelAndView page(String code, HttpStatus status, HttpServletResponse response) {
        response.setStatus(status.value());
        ModelAndView mav = new ModelAndView("problem");
        mav.addObject("code", code);
        mav.addObject("messageKey", "error." + code);
        mav.addObject("status", status.value());
        mav.setStatus(status);
        return mav;
    }
}
