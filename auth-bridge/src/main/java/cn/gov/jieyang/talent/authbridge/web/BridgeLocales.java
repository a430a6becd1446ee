package cn.gov.jieyang.talent.authbridge.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The sign-in pages' language. The browser's ({@code Accept-Language}: English or Chinese) until the
 * person chooses — with the switch on the page ({@code ?lang=en}, {@code ?lang=zh-CN}) or, through a
 * relying party, with OpenID Connect's {@code ui_locales} — and the choice is then kept in the
 * {@code JYB_LANG} cookie, across logout. Only the two languages the pages are written in are kept.
 */
final class BridgeLocales extends CookieLocaleResolver {

    static final String COOKIE = "JYB_LANG";

    BridgeLocales(boolean secureCookie) {
        super(COOKIE);
        setCookieMaxAge(Duration.ofDays(365));
        setCookieSecure(secureCookie);
        setCookieHttpOnly(true);
        // Only an Accept-Language the browser sent counts: without one, the container's default
        // (often English) would stand in for the person's language.
        setDefaultLocaleFunction(request -> request.getHeader("Accept-Language") == null ? Locale.SIMPLIFIED_CHINESE
                : supported(request.getLocale()));
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        super.setLocale(request, response, locale == null ? null : supported(locale));
    }

    /** English for any English tag, Simplified Chinese otherwise (the bureau's language). */
    static Locale supported(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    /** The first supported language of an OIDC {@code ui_locales} value (space-separated BCP 47 tags), or null. */
    static Locale fromUiLocales(String uiLocales) {
        if (uiLocales == null || uiLocales.length() > 200) {
            return null;
        }
        for (String tag : uiLocales.trim().split("\\s+")) {
            String lower = tag.toLowerCase(Locale.ROOT);
            if (lower.equals("en") || lower.startsWith("en-")) {
                return Locale.ENGLISH;
            }
            if (lower.equals("zh") || lower.startsWith("zh-")) {
                return Locale.SIMPLIFIED_CHINESE;
            }
        }
        return null;
    }
}
