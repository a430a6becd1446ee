package cn.gov.jieyang.talent.authbridge.oidc;

import cn.gov.jieyang.talent.authbridge.session.Sessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * RP-initiated logout, after Spring Authorization Server validated the {@code id_token_hint} and
 * the {@code post_logout_redirect_uri}: ends the session the ID token names (everywhere, not just in
 * this browser), clears the cookie, and returns to the relying party or to the bridge's page.
 */
@Component
class BridgeLogoutHandler implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BridgeLogoutHandler.class);

    private final Sessions sessions;

    BridgeLogoutHandler(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException {
        OidcLogoutAuthenticationToken logout = (OidcLogoutAuthenticationToken) authentication;
        Object sid = logout.getIdToken() == null ? null : logout.getIdToken().getClaims().get("sid");
        if (sid instanceof String s) {
            sessions.logOut(s, response);
        }
        sessions.current(request).ifPresent(current -> sessions.logOut(current.sid(), response));
        String target = logout.getPostLogoutRedirectUri();
        if (target == null) {
            response.sendRedirect(request.getContextPath() + "/login?logged_out");
            return;
        }
        UriComponentsBuilder b = UriComponentsBuilder.fromUriString(target);
        if (logout.getState() != null) {
            b.queryParam("state", logout.getState());
        }
        response.sendRedirect(b.build().toUriString());
    }

    /** A logout request that failed validation: say why in the log, show a plain 400. */
    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        String reason = exception instanceof OAuth2AuthenticationException e
                ? e.getError().getErrorCode() + " " + e.getError().getDescription() : exception.getMessage();
        log.warn("RP-initiated logout refused: {}", reason);
        response.sendError(HttpServletResponse.SC_BAD_REQUEST, "logout request refused");
    }
}
