package cn.gov.jieyang.talent.authbridge.oidc;

import cn.gov.jieyang.talent.authbridge.keys.BridgeKeys;
import cn.gov.jieyang.talent.authbridge.session.BridgeSession;
import cn.gov.jieyang.talent.authbridge.session.Sessions;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Mints token claims from the bridge session the authorization belongs to. The authorization's
 * principal name is the session id; {@code sub} is the session's stable subject. Every token is
 * ES256 with the active key's {@code kid}; ID tokens live at most {@value #ID_TOKEN_MINUTES} minutes.
 * A session that ended between authorize and token gets no tokens.
 */
@Component
class ClaimsFromSession implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final long ID_TOKEN_MINUTES = 10;
    /** Scope under which userinfo releases the full verified ID number to a relying party. */
    static final String REALNAME_SCOPE = "realname";

    private final Sessions sessions;
    private final BridgeKeys keys;

    ClaimsFromSession(Sessions sessions, BridgeKeys keys) {
        this.sessions = sessions;
        this.keys = keys;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        context.getJwsHeader().algorithm(SignatureAlgorithm.ES256).keyId(keys.activeKey().getKeyID());
        BridgeSession session = sessionOf(context.getPrincipal().getName());
        var claims = context.getClaims();
        claims.subject(session.subject());
        claims.claim("sid", session.sid());
        // auth_time stays out of tokens (OIDC requires it only with max_age, which no client sends);
        // userinfo carries it. A Long claim here could not be read back from Spring Authorization
        // Server's allow-listed Jackson store of token metadata.
        session.identityClaims().forEach((name, value) -> {
            if (!"auth_time".equals(name)) {
                claims.claim(name, value);
            }
        });
        if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
            Instant issued = Instant.now();
            claims.issuedAt(issued).expiresAt(issued.plus(Duration.ofMinutes(ID_TOKEN_MINUTES)));
        }
    }

    OidcUserInfo userInfo(OidcUserInfoAuthenticationContext context) {
        OAuth2Authorization authorization = context.getAuthorization();
        BridgeSession session = sessionOf(authorization.getPrincipalName());
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", session.subject());
        claims.put("sid", session.sid());
        claims.putAll(session.identityClaims());
        if (authorization.getAuthorizedScopes().contains(REALNAME_SCOPE) && session.isFaceVerified()) {
            sessions.verifiedIdNumber(session.sid()).ifPresent(n -> {
                claims.put("id_type", "resident_id");
                claims.put("id_number", n.value());
            });
        }
        return new OidcUserInfo(claims);
    }

    private BridgeSession sessionOf(String sid) {
        return sessions.find(sid).orElseThrow(() -> new OAuth2AuthenticationException(
                new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "the login session has ended", null)));
    }
}
