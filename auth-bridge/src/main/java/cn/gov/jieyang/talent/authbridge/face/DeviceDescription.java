package cn.gov.jieyang.talent.authbridge.face;

import java.util.Locale;

/**
 * What kind of device opened a login, in words a person recognises on their phone ("a Windows
 * computer, Edge"). Only two coarse codes are kept — never the whole User-Agent, which would be a
 * fingerprint — and they are a hint, not evidence: a User-Agent can say anything.
 *
 * @param os      one of {@code windows mac linux chromeos android ios other}
 * @param browser one of {@code edge chrome firefox safari wechat other}
 */
record DeviceDescription(String os, String browser) {

    static DeviceDescription of(String userAgent) {
        String ua = userAgent == null ? "" : userAgent.toLowerCase(Locale.ROOT);
        String os = ua.contains("windows") ? "windows"
                : ua.contains("iphone") || ua.contains("ipad") ? "ios"
                : ua.contains("android") ? "android"
                : ua.contains("mac os") || ua.contains("macintosh") ? "mac"
                : ua.contains("cros") ? "chromeos"
                : ua.contains("linux") || ua.contains("x11") ? "linux" : "other";
        String browser = ua.contains("micromessenger") ? "wechat"
                : ua.contains("edg/") ? "edge"
                : ua.contains("firefox/") ? "firefox"
                : ua.contains("chrome/") || ua.contains("chromium/") ? "chrome"
                : ua.contains("safari/") ? "safari" : "other";
        return new DeviceDescription(os, browser);
    }

    /** As stored in the transaction row. */
    String code() {
        return os + ":" + browser;
    }

    static DeviceDescription fromCode(String code) {
        if (code == null || !code.matches("[a-z]{2,10}:[a-z]{2,10}")) {
            return new DeviceDescription("other", "other");
        }
        String[] parts = code.split(":");
        return new DeviceDescription(parts[0], parts[1]);
    }
}
