package cn.gov.jieyang.talent.portal.login;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionInformation;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionRegistry;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * OpenID Connect Back-Channel Logout from the bridge: Spring Security's filter at
 * {@code /logout/connect/back-channel/auth-bridge} verifies the logout token (ES256 from the bridge's
 * JWKS, issuer, audience, {@code events}, no nonce); this handler then deletes the portal sessions of
 * that bridge session. They are found in Spring Session's table by principal name (the bridge's
 * {@code sub}) and matched by the {@code sid} of the ID token each holds, so other sessions of the
 * same person (another device) live on.
 *
 * <p>Spring's default handler instead finds sessions in a registry keyed by the HTTP session id as it
 * was <em>before</em> login (session fixation protection changes it afterwards, and Spring Session
 * JDBC publishes no event for the change), held in one instance's memory: it would miss both.
 */
final class BackChannelLogout implements LogoutHandler {

    private static final Logger log = LoggerFactory.getLogger(BackChannelLogout.class);

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    BackChannelLogout(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof OidcLogoutToken token)) {
            return;
        }
        String sid = token.getSessionId();
        int ended = 0;
        for (Map.Entry<String, ? extends Session> e : sessions.findByPrincipalName(token.getSubject()).entrySet()) {
            if (sid == null || sid.equals(bridgeSid(e.getValue()))) {
                sessions.deleteById(e.getKey());
                ended++;
            }
        }
        log.info("back-channel logout from the bridge: sid={} ended {} portal session(s)", sid, ended);
    }

    private static String bridgeSid(Session session) {
        Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        if (context instanceof SecurityContext c && c.getAuthentication() != null
                && c.getAuthentication().getPrincipal() instanceof OidcUser user) {
            return user.getIdToken().getClaimAsString("sid");
        }
        return null;
    }

    /**
     * Spring's registry, unused (see the class comment): sessions are found in Spring Session's own
     * table. Without this bean Spring would fill an in-memory registry at every login, forever.
     */
    static final class NoRegistry implements OidcSessionRegistry {

        @Override
        public void saveSessionInformation(OidcSessionInformation info) {
        }

        @Override
        public OidcSessionInformation removeSessionInformation(String clientSessionId) {
            return null;
        }

        @Override
        public Iterable<OidcSessionInformation> removeSessionInformation(OidcLogoutToken logoutToken) {
            return java.util.List.of();
        }
    }
}
