package cn.gov.jieyang.talent.mockyxq.web;

import org.springframework.http.HttpStatus;

/**
 * A refusal to show the person as a friendly page: the status and a message key (with its
 * arguments) from messages*.properties. Never carries request data that could hold personal data.
 */
public class ErrorPageException extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;
    private final transient Object[] messageArgs;

    public ErrorPageException(HttpStatus status, String messageKey, Object... messageArgs) {
        super(messageKey);
        this.status = status;
        this.messageKey = messageKey;
        this.messageArgs = messageArgs.clone();
    }

    public HttpStatus status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    Object[] messageArgs() {
        return messageArgs.clone();
    }
}
