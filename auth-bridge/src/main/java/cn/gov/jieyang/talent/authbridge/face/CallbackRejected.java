package cn.gov.jieyang.talent.authbridge.face;

/** A 粤信签 callback the bridge refuses; the code is the protocol's {@code error} value. */
final class CallbackRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    CallbackRejected(String code, String description) {
        super(description, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }
}
