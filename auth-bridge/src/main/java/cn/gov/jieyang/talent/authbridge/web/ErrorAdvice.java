package cn.gov.jieyang.talent.authbridge.web;

import cn.gov.jieyang.talent.authbridge.face.UpstreamUnavailable;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Errors become pages a person can act on, with a stable code and no stack trace. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class ErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(ErrorAdvice.class);

    @ExceptionHandler(UpstreamUnavailable.class)
    String upstream(UpstreamUnavailable e, Model model, HttpServletResponse response) {
        log.warn("粤信签 unavailable: {}", e.getMessage());
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        model.addAttribute("messageKey", "face.unavailable");
        return "face-result";
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    String badRequest(MissingServletRequestParameterException e, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("messageKey", "error.badRequest");
        return "face-result";
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, Model model, HttpServletResponse response) {
        log.error("unexpected error", e);
        response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
        model.addAttribute("messageKey", "error.unexpected");
        return "face-result";
    }
}
