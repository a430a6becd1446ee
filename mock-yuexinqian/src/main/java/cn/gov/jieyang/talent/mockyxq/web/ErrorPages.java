package cn.gov.jieyang.talent.mockyxq.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one place errors become pages: a status, a bilingual sentence, no stack trace, no echo of
 * request values (they may hold an ID number).
 */
@ControllerAdvice
class ErrorPages {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private final MessageSource messages;

    ErrorPages(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ErrorPageException.class)
    ModelAndView refused(ErrorPageException e, HttpServletRequest request) {
        log.info("{} {} answered {}: {}", request.getMethod(), request.getRequestURI(), e.status().value(), e.messageKey());
        return page(e.status(), e.messageKey(), e.messageArgs());
    }

    @ExceptionHandler(Exception.class)
    ModelAndView other(Exception e, HttpServletRequest request, HttpServletResponse response) {
        if (e instanceof ErrorResponse error) {
            return framework(error, response);
        }
        // Our own exception messages name files and fields, never values; the trace is for the developer.
        log.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, "error.internal");
    }

    /** Spring MVC's own refusals: unknown path, wrong method, missing parameter, unreadable body. */
    private ModelAndView framework(ErrorResponse error, HttpServletResponse response) {
        // Keep headers such as Allow on a 405.
        error.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        HttpStatusCode status = error.getStatusCode();
        String key = switch (status.value()) {
            case 404 -> "error.notFound";
            case 405 -> "error.method";
            default -> status.is4xxClientError() ? "error.badRequest" : "error.internal";
        };
        return page(HttpStatus.valueOf(status.value()), key);
    }

    private ModelAndView page(HttpStatus status, String key, Object... args) {
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("errorText", messages.getMessage(key, args, LocaleContextHolder.getLocale()));
        page.addObject("errorTextEn", messages.getMessage(key, args, Locale.ENGLISH));
        return page;
    }
}
