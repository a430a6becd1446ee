package cn.gov.jieyang.talent.authbridge.face;

/**
 * A 粤信签 callback the bridge refuses. The code is the protocol's {@code error} value (what 粤信签 is
 * told); the reason is finer (e.g. {@code unknown_key} and {@code bad_signature} are both
 * {@code invalid_signature}) and goes to the audit trail only. Neither ever holds a claim's value.
 */
final class CallbackRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String reason;

    CallbackRejected(String code, String reason, String description) {
        super(description, null, false, false);
        this.code = code;
        this.reason = reason;
    }

    String code() {
        return code;
    }

    String reason() {
        return reason;
    }
}
