package cn.gov.jieyang.talent.authbridge.oidc;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTParser;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;

/**
 * Spring Authorization Server's authorizations in the {@code oauth2_authorization} table, written as
 * the few plain values a code and its tokens need. Spring's {@code JdbcOAuth2AuthorizationService}
 * serialises the principal, the authorization request and each token's claims with Jackson's
 * polymorphic typing: kilobytes per row and a noticeable share of a login's CPU (bench/README.md).
 * Here the principal is its name (the bridge session's sid, all the token customizer reads), the
 * authorization request its fields as a JSON object of strings, and a token's claims are read back
 * from the token itself (the bridge's own JWT, so parsing needs no signature check; access tokens
 * are always self-contained JWTs here).
 *
 * <p>Only what the bridge uses is supported: the authorization code grant with OIDC, and refresh
 * tokens should a client ever get them. Any other attribute is refused at save time rather than
 * silently lost.
 */
final class LeanAuthorizationService implements OAuth2AuthorizationService {

    private static final String PRINCIPAL = java.security.Principal.class.getName();
    private static final String REQUEST = OAuth2AuthorizationRequest.class.getName();
    private static final String INVALIDATED = OAuth2Authorization.Token.INVALIDATED_METADATA_NAME;
    private static final String COLUMNS = """
            id, registered_client_id, principal_name, authorization_grant_type, authorized_scopes, attributes,
            state, authorization_code_value, authorization_code_issued_at, authorization_code_expires_at,
            authorization_code_metadata, access_token_value, access_token_issued_at, access_token_expires_at,
            access_token_metadata, access_token_type, access_token_scopes, oidc_id_token_value,
            oidc_id_token_issued_at, oidc_id_token_expires_at, oidc_id_token_metadata, refresh_token_value,
            refresh_token_issued_at, refresh_token_expires_at, refresh_token_metadata""";

    private final JdbcClient jdbc;
    private final RegisteredClientRepository clients;

    LeanAuthorizationService(JdbcClient jdbc, RegisteredClientRepository clients) {
        this.jdbc = jdbc;
        this.clients = clients;
    }

    @Override
    public void save(OAuth2Authorization a) {
        OAuth2Authorization.Token<OAuth2AuthorizationCode> code = a.getToken(OAuth2AuthorizationCode.class);
        OAuth2Authorization.Token<OAuth2AccessToken> access = a.getToken(OAuth2AccessToken.class);
        OAuth2Authorization.Token<OidcIdToken> id = a.getToken(OidcIdToken.class);
        OAuth2Authorization.Token<OAuth2RefreshToken> refresh = a.getToken(OAuth2RefreshToken.class);
        jdbc.sql("insert into oauth2_authorization (" + COLUMNS + """
                ) values (:id, :client, :principal, :grant, :scopes, :attributes, :state,
                  :code, :code_iat, :code_exp, :code_meta, :access, :access_iat, :access_exp, :access_meta,
                  :access_type, :access_scopes, :id_token, :id_iat, :id_exp, :id_meta,
                  :refresh, :refresh_iat, :refresh_exp, :refresh_meta)
                on conflict (id) do update set authorized_scopes = excluded.authorized_scopes,
                  attributes = excluded.attributes, state = excluded.state,
                  authorization_code_value = excluded.authorization_code_value,
                  authorization_code_issued_at = excluded.authorization_code_issued_at,
                  authorization_code_expires_at = excluded.authorization_code_expires_at,
                  authorization_code_metadata = excluded.authorization_code_metadata,
                  access_token_value = excluded.access_token_value,
                  access_token_issued_at = excluded.access_token_issued_at,
                  access_token_expires_at = excluded.access_token_expires_at,
                  access_token_metadata = excluded.access_token_metadata,
                  access_token_type = excluded.access_token_type, access_token_scopes = excluded.access_token_scopes,
                  oidc_id_token_value = excluded.oidc_id_token_value,
                  oidc_id_token_issued_at = excluded.oidc_id_token_issued_at,
                  oidc_id_token_expires_at = excluded.oidc_id_token_expires_at,
                  oidc_id_token_metadata = excluded.oidc_id_token_metadata,
                  refresh_token_value = excluded.refresh_token_value,
                  refresh_token_issued_at = excluded.refresh_token_issued_at,
                  refresh_token_expires_at = excluded.refresh_token_expires_at,
                  refresh_token_metadata = excluded.refresh_token_metadata""")
                .param("id", a.getId()).param("client", a.getRegisteredClientId())
                .param("principal", a.getPrincipalName()).param("grant", a.getAuthorizationGrantType().getValue())
                .param("scopes", String.join(" ", a.getAuthorizedScopes()))
                .param("attributes", attributes(a)).param("state", a.getAttribute(OAuth2ParameterNames.STATE))
                .param("code", value(code)).param("code_iat", issued(code)).param("code_exp", expires(code))
                .param("code_meta", metadata(code))
                .param("access", value(access)).param("access_iat", issued(access)).param("access_exp", expires(access))
                .param("access_meta", metadata(access))
                .param("access_type", access == null ? null : access.getToken().getTokenType().getValue())
                .param("access_scopes", access == null ? null : String.join(" ", access.getToken().getScopes()))
                .param("id_token", value(id)).param("id_iat", issued(id)).param("id_exp", expires(id))
                .param("id_meta", metadata(id))
                .param("refresh", value(refresh)).param("refresh_iat", issued(refresh))
                .param("refresh_exp", expires(refresh)).param("refresh_meta", metadata(refresh))
                .update();
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        jdbc.sql("delete from oauth2_authorization where id = :id").param("id", authorization.getId()).update();
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return find("id = :v", id);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType type) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        if (type == null) {
            return find("""
                    state = :v or authorization_code_value = :v or access_token_value = :v
                    or oidc_id_token_value = :v or refresh_token_value = :v""", token);
        }
        return switch (type.getValue()) {
            case OAuth2ParameterNames.STATE -> find("state = :v", token);
            case OAuth2ParameterNames.CODE -> find("authorization_code_value = :v", token);
            case OAuth2ParameterNames.ACCESS_TOKEN -> find("access_token_value = :v", token);
            case OidcParameterNames.ID_TOKEN -> find("oidc_id_token_value = :v", token);
            case OAuth2ParameterNames.REFRESH_TOKEN -> find("refresh_token_value = :v", token);
            default -> null;
        };
    }

    private OAuth2Authorization find(String where, String value) {
        return jdbc.sql("select " + COLUMNS + " from oauth2_authorization where " + where).param("v", value)
                .query((rs, n) -> fromRow(rs)).optional().orElse(null);
    }

    private OAuth2Authorization fromRow(ResultSet rs) throws SQLException {
        RegisteredClient client = clients.findById(rs.getString("registered_client_id"));
        if (client == null) {
            // The client was unregistered: its authorizations are void.
            return null;
        }
        String principal = rs.getString("principal_name");
        OAuth2Authorization.Builder b = OAuth2Authorization.withRegisteredClient(client).id(rs.getString("id"))
                .principalName(principal)
                .authorizationGrantType(new AuthorizationGrantType(rs.getString("authorization_grant_type")))
                .authorizedScopes(words(rs.getString("authorized_scopes")))
                .attribute(PRINCIPAL, UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of()));
        String attributes = rs.getString("attributes");
        if (attributes != null) {
            b.attribute(REQUEST, request(attributes));
        }
        if (rs.getString("state") != null) {
            b.attribute(OAuth2ParameterNames.STATE, rs.getString("state"));
        }
        String code = rs.getString("authorization_code_value");
        if (code != null) {
            Map<String, Object> meta = meta(rs, "authorization_code", null);
            b.token(new OAuth2AuthorizationCode(code, instant(rs, "authorization_code_issued_at"),
                    instant(rs, "authorization_code_expires_at")), m -> m.putAll(meta));
        }
        String access = rs.getString("access_token_value");
        if (access != null) {
            OAuth2AccessToken.TokenType type = OAuth2AccessToken.TokenType.BEARER.getValue()
                    .equalsIgnoreCase(rs.getString("access_token_type")) ? OAuth2AccessToken.TokenType.BEARER
                    : OAuth2AccessToken.TokenType.DPOP;
            Map<String, Object> meta = meta(rs, "access_token", jwtClaims(access));
            meta.put(OAuth2TokenFormat.class.getName(), OAuth2TokenFormat.SELF_CONTAINED.getValue());
            b.token(new OAuth2AccessToken(type, access, instant(rs, "access_token_issued_at"),
                    instant(rs, "access_token_expires_at"), words(rs.getString("access_token_scopes"))),
                    m -> m.putAll(meta));
        }
        String idToken = rs.getString("oidc_id_token_value");
        if (idToken != null) {
            Map<String, Object> claims = jwtClaims(idToken);
            Map<String, Object> meta = meta(rs, "oidc_id_token", claims);
            b.token(new OidcIdToken(idToken, instant(rs, "oidc_id_token_issued_at"),
                    instant(rs, "oidc_id_token_expires_at"), claims), m -> m.putAll(meta));
        }
        String refresh = rs.getString("refresh_token_value");
        if (refresh != null) {
            Map<String, Object> meta = meta(rs, "refresh_token", null);
            b.token(new OAuth2RefreshToken(refresh, instant(rs, "refresh_token_issued_at"),
                    instant(rs, "refresh_token_expires_at")), m -> m.putAll(meta));
        }
        return b.build();
    }

    /** Only the authorization request (and the principal, stored as the row's principal name). */
    private static String attributes(OAuth2Authorization a) {
        for (String name : a.getAttributes().keySet()) {
            if (!PRINCIPAL.equals(name) && !REQUEST.equals(name) && !OAuth2ParameterNames.STATE.equals(name)) {
                throw new IllegalArgumentException("authorization attribute not supported by this store: " + name);
            }
        }
        Object principal = a.getAttribute(PRINCIPAL);
        if (principal != null && !(principal instanceof Authentication auth && a.getPrincipalName().equals(auth.getName()))) {
            throw new IllegalArgumentException("the principal attribute must be the authorization's principal");
        }
        OAuth2AuthorizationRequest r = a.getAttribute(REQUEST);
        if (r == null) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("authorization_uri", r.getAuthorizationUri());
        json.put("client_id", r.getClientId());
        json.put("redirect_uri", r.getRedirectUri());
        json.put("scope", String.join(" ", r.getScopes()));
        json.put("state", r.getState());
        Map<String, Object> extra = new LinkedHashMap<>();
        r.getAdditionalParameters().forEach((k, v) -> {
            if (!(v instanceof String)) {
                throw new IllegalArgumentException("authorization request parameter not a string: " + k);
            }
            extra.put(k, v);
        });
        json.put("additional", extra);
        return JSONObjectUtils.toJSONString(json);
    }

    @SuppressWarnings("unchecked")
    private static OAuth2AuthorizationRequest request(String attributes) throws SQLException {
        try {
            Map<String, Object> json = JSONObjectUtils.parse(attributes);
            return OAuth2AuthorizationRequest.authorizationCode()
                    .authorizationUri((String) json.get("authorization_uri"))
                    .clientId((String) json.get("client_id"))
                    .redirectUri((String) json.get("redirect_uri"))
                    .scopes(words((String) json.get("scope")))
                    .state((String) json.get("state"))
                    .additionalParameters((Map<String, Object>) json.get("additional"))
                    .build();
        } catch (ParseException e) {
            throw new SQLException("unreadable authorization request", e);
        }
    }

    /** A token's claims as Spring's JWT support had them: times as {@link Instant}s, {@code aud} a list. */
    private static Map<String, Object> jwtClaims(String jwt) throws SQLException {
        try {
            Map<String, Object> claims = new LinkedHashMap<>(JWTParser.parse(jwt).getJWTClaimsSet().getClaims());
            claims.replaceAll((k, v) -> v instanceof Date d ? d.toInstant() : v);
            return claims;
        } catch (ParseException e) {
            throw new SQLException("unreadable token in an authorization", e);
        }
    }

    private static Map<String, Object> meta(ResultSet rs, String prefix, Map<String, Object> claims)
            throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(INVALIDATED, "true".equals(rs.getString(prefix + "_metadata")));
        if (claims != null) {
            m.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, claims);
        }
        return m;
    }

    /** A token's metadata column holds one thing besides what the token says: whether it was invalidated. */
    private static String metadata(OAuth2Authorization.Token<? extends OAuth2Token> t) {
        return t == null ? null : String.valueOf(t.isInvalidated());
    }

    private static String value(OAuth2Authorization.Token<? extends OAuth2Token> t) {
        return t == null ? null : t.getToken().getTokenValue();
    }

    private static Timestamp issued(OAuth2Authorization.Token<? extends OAuth2Token> t) {
        return t == null || t.getToken().getIssuedAt() == null ? null : Timestamp.from(t.getToken().getIssuedAt());
    }

    private static Timestamp expires(OAuth2Authorization.Token<? extends OAuth2Token> t) {
        return t == null || t.getToken().getExpiresAt() == null ? null : Timestamp.from(t.getToken().getExpiresAt());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Set<String> words(String s) {
        return s == null || s.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(s.split(" ")));
    }
}
