package cn.gov.jieyang.talent.portal.login;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * Spring Security's authorization request, plus {@code acr_values=urn:gd:trust:L4} when the login
 * was started by {@link StepUp#START} ({@code ?step_up=1}): the bridge then sends a password session
 * through the face check before it issues a code.
 */
final class StepUpRequestResolver implements OAuth2AuthorizationRequestResolver {

    /** The resolver's customizer sees only the builder; this says whether the request at hand steps up. */
    private static final ThreadLocal<Boolean> STEPPING_UP = new ThreadLocal<>();

    private final DefaultOAuth2AuthorizationRequestResolver base;

    StepUpRequestResolver(ClientRegistrationRepository clients) {
        base = new DefaultOAuth2AuthorizationRequestResolver(clients, "/oauth2/authorization");
        base.setAuthorizationRequestCustomizer(b -> {
            if (Boolean.TRUE.equals(STEPPING_UP.get())) {
                b.additionalParameters(p -> p.put("acr_values", CurrentUser.FACE_VERIFIED_ACR));
            }
        });
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
        STEPPING_UP.set("1".equals(request.getParameter("step_up")));
        try {
            return base.resolve(request);
        } finally {
            STEPPING_UP.remove();
        }
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
        STEPPING_UP.set("1".equals(request.getParameter("step_up")));
        try {
            return base.resolve(request, clientRegistrationId);
        } finally {
            STEPPING_UP.remove();
        }
    }
}
