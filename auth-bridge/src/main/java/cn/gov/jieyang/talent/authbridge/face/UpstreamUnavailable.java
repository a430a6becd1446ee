package cn.gov.jieyang.talent.authbridge.face;

/** 粤信签 cannot be reached (its keys, its pages): shown as "use account login or retry". */
public final class UpstreamUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UpstreamUnavailable(String message) {
        super(message, null, false, false);
    }
}
