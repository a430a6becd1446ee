package cn.gov.jieyang.talent.portal.login;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.servlet.LocaleResolver;

/**
 * After a login, the portal speaks the language the person signed in with: the bridge's ID token
 * carries it as the standard {@code locale} claim (from the sign-in page's switch, or the
 * {@code ui_locales} the portal sent). Then the usual return to the page that asked for the login.
 */
final class LanguageFromLogin extends SavedRequestAwareAuthenticationSuccessHandler {

    private final LocaleResolver locales;

    LanguageFromLogin(LocaleResolver locales) {
        this.locales = locales;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws ServletException, IOException {
        if (authentication.getPrincipal() instanceof OidcUser user) {
            String tag = user.getIdToken().getClaimAsString("locale");
            if ("en".equals(tag) || "zh-CN".equals(tag)) {
                locales.setLocale(request, response, Locale.forLanguageTag(tag));
            }
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }
}
