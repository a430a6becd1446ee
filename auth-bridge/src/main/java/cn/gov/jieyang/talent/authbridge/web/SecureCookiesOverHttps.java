package cn.gov.jieyang.talent.authbridge.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Over HTTPS — as the browser saw it: behind the TLS proxy {@code request.isSecure()} follows
 * {@code X-Forwarded-Proto} (server.forward-headers-strategy=native) — every cookie the bridge sets is
 * {@code Secure}: the session cookie, the face door's binding cookies, the language choice, whatever
 * sets them. {@code bridge.session.secure-cookie=true} still forces the flag for a proxy that sends no
 * {@code X-Forwarded-Proto}; over plain HTTP (the loopback dev stack) cookies stay as they are set, or
 * the browser would drop them.
 */
final class SecureCookiesOverHttps extends OncePerRequestFilter {

    private static final String SET_COOKIE = "Set-Cookie";
    private static final Pattern SECURE = Pattern.compile("(?i);\\s*Secure\\s*(;|$)");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, request.isSecure() ? new SecureCookies(response) : response);
    }

    /** The error page may set cookies too (the language). */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    static String secure(String setCookie) {
        return setCookie == null || SECURE.matcher(setCookie).find() ? setCookie : setCookie + "; Secure";
    }

    private static final class SecureCookies extends HttpServletResponseWrapper {

        SecureCookies(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addCookie(Cookie cookie) {
            cookie.setSecure(true);
            super.addCookie(cookie);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, SET_COOKIE.equalsIgnoreCase(name) ? secure(value) : value);
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, SET_COOKIE.equalsIgnoreCase(name) ? secure(value) : value);
        }
    }
}
