package cn.gov.jieyang.talent.portal.application;

/**
 * A request the page answers with a message next to the form rather than an error page: a choice of
 * services or an upload that cannot be accepted. Nothing was changed.
 */
final class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why (the message key is {@code application.refused.<code>}). */
    enum Reason {
        NO_SERVICE("no-service"),
        UNKNOWN_SERVICE("unknown-service"),
        NOT_FOR_SUBJECT("not-for-subject"),
        CALL_CLOSED("call-closed"),
        NO_FILE("no-file"),
        EMPTY("empty"),
        TOO_LARGE("too-large"),
        TYPE_NOT_ALLOWED("type-not-allowed"),
        DUPLICATE("duplicate"),
        TOO_MANY_FILES("too-many-files"),
        MALFORMED("malformed"),
        BAD_FILE_NAME("bad-file-name");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        String messageKey() {
            return "application.refused." + code;
        }
    }

    private final Reason reason;
    private final String serviceCode;

    Refusal(Reason reason, String serviceCode) {
        super(reason.code, null, false, false);
        this.reason = reason;
        this.serviceCode = serviceCode;
    }

    Refusal(Reason reason) {
        this(reason, null);
    }

    Reason reason() {
        return reason;
    }

    /** The service the refusal is about, or null. */
    String serviceCode() {
        return serviceCode;
    }
}
