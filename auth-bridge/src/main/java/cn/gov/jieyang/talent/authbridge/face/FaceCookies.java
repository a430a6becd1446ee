package cn.gov.jieyang.talent.authbridge.face;

import cn.gov.jieyang.talent.authbridge.session.SessionProperties;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The face door's two binding cookies: one for the browser that opened a transaction, one for the
 * phone that picked a desktop's number. Only their SHA-256 hashes are stored. Both are scoped to the
 * face door's paths, HttpOnly, and SameSite=Lax — 粤信签's return is a top-level GET from another
 * site, which Lax lets through and a cross-site POST or sub-request does not.
 */
@Component
class FaceCookies {

    static final String OPENER = "JYB_FACE_TXN";
    static final String PHONE = "JYB_FACE_PHONE";
    private static final String PATH = "/login/yuexinqian";

    private final boolean secure;

    FaceCookies(SessionProperties properties) {
        this.secure = properties.secureCookie();
    }

    void set(HttpServletResponse response, String name, String value) {
        response.addHeader("Set-Cookie", ResponseCookie.from(name, value).httpOnly(true).secure(secure)
                .sameSite("Lax").path(PATH).maxAge(300).build().toString());
    }

    void clear(HttpServletResponse response, String name) {
        response.addHeader("Set-Cookie", ResponseCookie.from(name, "").httpOnly(true).secure(secure)
                .sameSite("Lax").path(PATH).maxAge(0).build().toString());
    }

    static String read(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (name.equals(c.getName())) {
                    return c.getValue();
                }
            }
        }
        return null;
    }
}
