package cn.gov.jieyang.talent.portal.login;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Spring Security's authorization request to the bridge, plus two OpenID Connect parameters:
 * {@code ui_locales}, the language the person uses in the portal (so the sign-in pages speak it too),
 * and {@code acr_values=urn:gd:trust:L4} when the login was started by {@link StepUp#START}
 * ({@code ?step_up=1}): the bridge then sends a password session through the face check first.
 */
final class AuthorizationRequests implements OAuth2AuthorizationRequestResolver {

    /** What the customizer (which sees only the builder) needs to know of the request at hand. */
    private record Asked(boolean stepUp, String language) {
    }

    private static final ThreadLocal<Asked> ASKED = new ThreadLocal<>();

    private final DefaultOAuth2AuthorizationRequestResolver base;
    private final LocaleResolver locales;

    AuthorizationRequests(ClientRegistrationRepository clients, LocaleResolver locales) {
        this.locales = locales;
        base = new DefaultOAuth2AuthorizationRequestResolver(clients, "/oauth2/authorization");
        base.setAuthorizationRequestCustomizer(b -> {
            Asked asked = ASKED.get();
            if (asked == null) {
                return;
            }
            b.additionalParameters(p -> {
                p.put("ui_locales", asked.language());
                if (asked.stepUp()) {
                    p.put("acr_values", CurrentUser.FACE_VERIFIED_ACR);
                }
            });
        });
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
        ASKED.set(asked(request));
        try {
            return base.resolve(request);
        } finally {
            ASKED.remove();
        }
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
        ASKED.set(asked(request));
        try {
            return base.resolve(request, clientRegistrationId);
        } finally {
            ASKED.remove();
        }
    }

    private Asked asked(HttpServletRequest request) {
        Locale locale = locales.resolveLocale(request);
        return new Asked("1".equals(request.getParameter("step_up")),
                "en".equals(locale.getLanguage()) ? "en" : "zh-CN");
    }
}
