package cn.gov.jieyang.talent.portal.login;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * OpenID Connect Back-Channel Logout from the bridge ({@value #PATH}, server to server, so no login and
 * no CSRF token: the signed logout token is the authentication). It deletes the portal sessions of the
 * bridge session that ended, found in Spring Session's table by principal name (the bridge's
 * {@code sub}) and matched by the {@code sid} in the ID token each holds, so the same person's sessions
 * from other logins live on. Any instance can answer: the sessions are in PostgreSQL.
 */
@RestController
class BackChannelLogoutController {

    static final String PATH = "/logout/connect/back-channel/" + LoginConfig.REGISTRATION_ID;
    private static final Logger log = LoggerFactory.getLogger(BackChannelLogoutController.class);

    private final JwtDecoder logoutTokens;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    BackChannelLogoutController(BridgeClientProperties bridge, FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.logoutTokens = LogoutTokens.decoder(bridge);
        this.sessions = sessions;
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Map<String, String>> logout(@RequestParam(name = "logout_token", required = false) String token) {
        if (token == null || token.length() > 8192) {
            return refused("a logout_token is required");
        }
        Jwt jwt;
        try {
            jwt = logoutTokens.decode(token);
        } catch (JwtException e) {
            log.warn("back-channel logout refused: {}", e.getMessage());
            return refused(e.getMessage());
        }
        String sid = jwt.getClaimAsString("sid");
        int ended = 0;
        if (jwt.getSubject() != null) {
            for (Map.Entry<String, ? extends Session> e : sessions.findByPrincipalName(jwt.getSubject()).entrySet()) {
                if (sid == null || sid.equals(bridgeSid(e.getValue()))) {
                    sessions.deleteById(e.getKey());
                    ended++;
                }
            }
        }
        log.info("back-channel logout from the bridge: sid={} ended {} portal session(s)", sid, ended);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).build();
    }

    private static ResponseEntity<Map<String, String>> refused(String why) {
        return ResponseEntity.badRequest().cacheControl(CacheControl.noStore())
                .body(Map.of("error", "invalid_request", "error_description", why));
    }

    private static String bridgeSid(Session session) {
        Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        if (context instanceof SecurityContext c && c.getAuthentication() != null
                && c.getAuthentication().getPrincipal() instanceof OidcUser user) {
            return user.getIdToken().getClaimAsString("sid");
        }
        return null;
    }
}
