package cn.gov.jieyang.talent.authbridge.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * OpenID Connect's {@code ui_locales} on an authorization request: the relying party says which
 * language the person is using there, and the sign-in pages that follow use it (kept like a choice
 * made on the page, so it carries on through the login and back).
 */
final class UiLocalesFilter extends OncePerRequestFilter {

    private final LocaleResolver locales;

    UiLocalesFilter(LocaleResolver locales) {
        this.locales = locales;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"/oauth2/authorize".equals(request.getServletPath());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Locale asked = BridgeLocales.fromUiLocales(request.getParameter("ui_locales"));
        if (asked != null) {
            locales.setLocale(request, response, asked);
        }
        chain.doFilter(request, response);
    }
}
