package cn.gov.jieyang.talent.authbridge.password;

import cn.gov.jieyang.talent.authbridge.audit.AuditEntry;
import cn.gov.jieyang.talent.authbridge.audit.AuditTrail;
import cn.gov.jieyang.talent.authbridge.session.RequestedClient;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.stereotype.Component;

/**
 * A Keycloak round trip that made no session: Keycloak answered the bridge with an error (the person
 * cancelled, {@code access_denied}; Keycloak refused the login) or its answer did not check out (a
 * state, code or ID token the bridge refuses). What the bridge sees is the OAuth2 error code only, and
 * that is what it records; wrong passwords and lockouts stay on Keycloak's own form and never reach
 * the bridge (keycloak/README.md). The person is sent back to the login page, as before.
 */
@Component
class KeycloakLoginFailureHandler implements AuthenticationFailureHandler {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z_]{0,47}");

    private final AuditTrail audit;
    private final RegisteredClientRepository clients;
    private final CookieRequestCache requestCache = new CookieRequestCache();

    KeycloakLoginFailureHandler(AuditTrail audit, RegisteredClientRepository clients) {
        this.audit = audit;
        this.clients = clients;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        audit.record(AuditEntry.loginFailed(AuditEntry.Door.PASSWORD, reason(exception),
                RequestedClient.idOf(requestCache.getRequest(request, response), clients)));
        response.sendRedirect(request.getContextPath() + "/login?error=password");
    }

    /** The OAuth2 error code when it is one (Keycloak's {@code error} parameter can be anything). */
    static String reason(AuthenticationException e) {
        String code = e instanceof OAuth2AuthenticationException o ? o.getError().getErrorCode() : null;
        return code != null && CODE.matcher(code).matches() ? code : "other";
    }
}
