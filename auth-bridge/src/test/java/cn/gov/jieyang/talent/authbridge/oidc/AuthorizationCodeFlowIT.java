package cn.gov.jieyang.talent.authbridge.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.testsupport.http.Browser;
import cn.gov.jieyang.talent.authbridge.testing.BridgeWithFakeYuexinqian;
import cn.gov.jieyang.talent.authbridge.testing.RelyingParty;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A standard relying party's view: authorization code + PKCE, token exchange, ID token, userinfo. */
class AuthorizationCodeFlowIT extends BridgeWithFakeYuexinqian {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    cn.gov.jieyang.talent.authbridge.keys.BridgeKeys keys;

    @Autowired
    org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository clients;

    @Test
    void answersItsHealthCheck() throws Exception {
        HttpResponse<String> health = RP.get("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Test
    @SuppressWarnings("unchecked")
    void publishesDiscoveryWithEs256AndPkce() throws Exception {
        Map<String, Object> oidc = JSONObjectUtils.parse(RP.get("/.well-known/openid-configuration").body());
        Map<String, Object> oauth = JSONObjectUtils.parse(RP.get("/.well-known/oauth-authorization-server").body());

        assertThat(oidc.get("issuer")).isEqualTo(BRIDGE);
        assertThat(oidc.get("jwks_uri")).isEqualTo(BRIDGE + "/jwks");
        assertThat((List<Object>) oidc.get("id_token_signing_alg_values_supported")).containsExactly("ES256");
        assertThat(oidc).containsKeys("authorization_endpoint", "token_endpoint", "userinfo_endpoint",
                "end_session_endpoint");
        assertThat((List<Object>) oauth.get("code_challenge_methods_supported")).contains("S256");
    }

    @Test
    void issuesAnIdTokenThatVerifiesAgainstTheJwks() throws Exception {
        RelyingParty.Request request = RP.newRequest("openid profile");
        Map<String, Object> tokens = tokensAfterFaceLogin(request);

        SignedJWT idToken = SignedJWT.parse((String) tokens.get("id_token"));
        JWTClaimsSet c = RP.verifiedIdToken(tokens, request);

        assertThat(idToken.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(idToken.getHeader().getKeyID()).isNotBlank();
        assertThat(c.getAudience()).containsExactly(RelyingParty.CLIENT_ID);
        assertThat(c.getStringClaim("acr")).isEqualTo("urn:gd:trust:L4");
        assertThat(c.getStringListClaim("amr")).containsExactly("face");
        assertThat(c.getStringClaim("subject_type")).isEqualTo("individual");
        assertThat(c.getStringClaim("name")).isEqualTo("张三");
        assertThat(c.getStringClaim("id_number_masked")).isEqualTo("4452**********123X");
        assertThat(c.getStringClaim("sid")).isNotBlank();
        assertThat(c.getSubject()).startsWith("p-");
        assertThat(Duration.between(c.getIssueTime().toInstant(), c.getExpirationTime().toInstant()))
                .isLessThanOrEqualTo(Duration.ofMinutes(15));
        assertThat(idToken.getPayload().toString()).doesNotContain("44520219851231123X");
    }

    @Test
    void anIdTokenSignedBeforeAKeyRotationStillVerifiesAfterIt() throws Exception {
        RelyingParty.Request request = RP.newRequest("openid");
        Map<String, Object> tokens = tokensAfterFaceLogin(request);
        String kidBefore = SignedJWT.parse((String) tokens.get("id_token")).getHeader().getKeyID();

        keys.rotate();

        assertThat(keys.activeKey().getKeyID()).isNotEqualTo(kidBefore);
        assertThat(RP.verifiedIdToken(tokens, request).getSubject()).startsWith("p-");
        RelyingParty.Request after = RP.newRequest("openid");
        assertThat(SignedJWT.parse((String) tokensAfterFaceLogin(after).get("id_token")).getHeader().getKeyID())
                .isEqualTo(keys.activeKey().getKeyID());
    }

    @Test
    void givesTheSameSubjectToTheSamePersonNextTime() throws Exception {
        RelyingParty.Request first = RP.newRequest("openid");
        RelyingParty.Request second = RP.newRequest("openid");

        String sub1 = RP.verifiedIdToken(tokensAfterFaceLogin(first), first).getSubject();
        String sub2 = RP.verifiedIdToken(tokensAfterFaceLogin(second), second).getSubject();

        assertThat(sub1).isEqualTo(sub2);
    }

    @Test
    void releasesTheFullIdNumberOnlyUnderTheRealnameScope() throws Exception {
        String withScope = (String) tokensAfterFaceLogin(RP.newRequest("openid realname")).get("access_token");
        String without = (String) tokensAfterFaceLogin(RP.newRequest("openid")).get("access_token");

        assertThat(RP.userinfo(withScope).body()).contains("\"id_number\":\"44520219851231123X\"");
        assertThat(RP.userinfo(without).body()).doesNotContain("\"id_number\"").contains("4452**********123X");
    }

    @Test
    void refusesAWrongPkceVerifier() throws Exception {
        RelyingParty.Request request = RP.newRequest("openid");
        String code = RP.codeFrom(faceLogin(Browser.phone(), request.authorizeUrl()), request);

        assertInvalidGrant(RP.token(code, RelyingParty.random()));
    }

    @Test
    void refusesACodeUsedTwice() throws Exception {
        RelyingParty.Request request = RP.newRequest("openid");
        String code = RP.codeFrom(faceLogin(Browser.phone(), request.authorizeUrl()), request);
        assertThat(RP.token(code, request.verifier()).statusCode()).isEqualTo(200);

        assertInvalidGrant(RP.token(code, request.verifier()));
    }

    /**
     * Issue 11: Spring's JDBC store wrote each authorization as kilobytes of Jackson with Java class
     * names (the principal, the request, every token's claims), re-read polymorphically at every step
     * of a login. The row now holds plain values; tokens are what the client received.
     */
    @Test
    void storesAnAuthorizationAsPlainValues() throws Exception {
        RelyingParty.Request request = RP.newRequest("openid profile");
        Map<String, Object> tokens = tokensAfterFaceLogin(request);

        Map<String, Object> row = jdbc.sql("""
                select attributes, access_token_metadata, oidc_id_token_metadata, authorization_code_metadata,
                  oidc_id_token_value from oauth2_authorization where access_token_value = :t""")
                .param("t", tokens.get("access_token")).query().singleRow();
        assertThat(row.get("oidc_id_token_value")).isEqualTo(tokens.get("id_token"));
        String stored = row.get("attributes") + " " + row.get("access_token_metadata") + " "
                + row.get("oidc_id_token_metadata") + " " + row.get("authorization_code_metadata");
        assertThat(stored).doesNotContain("@class", "java.", "org.springframework");
        assertThat(stored.length()).as(stored).isLessThan(1200);
        assertThat(row.get("authorization_code_metadata")).isEqualTo("true");
    }

    @Test
    void refusesAnExpiredCode() throws Exception {
        RelyingParty.Request request = RP.newRequest("openid");
        String code = RP.codeFrom(faceLogin(Browser.phone(), request.authorizeUrl()), request);
        // Let the code's 60 seconds pass, in the database every bridge instance reads.
        assertThat(jdbc.sql("update oauth2_authorization set authorization_code_issued_at = now() - interval '2 minutes', "
                + "authorization_code_expires_at = now() - interval '1 minute' where authorization_code_value = :code")
                .param("code", code).update()).isEqualTo(1);

        assertInvalidGrant(RP.token(code, request.verifier()));
    }

    @Test
    void refusesARedirectUriThatIsNotRegisteredWithoutRedirecting() {
        Browser b = Browser.phone();
        loggedIn(b);
        String url = RP.newRequest("openid").authorizeUrl()
                .replace(RelyingParty.REDIRECT_URI, "http://127.0.0.1:2/login/oauth2/code/auth-bridge");

        Browser.Page p = b.get(url);

        assertThat(p.status()).isEqualTo(400);
        assertThat(p.location()).isNull();
    }

    @Test
    void requiresPkce() {
        Browser b = Browser.phone();
        loggedIn(b);
        String url = RP.newRequest("openid").authorizeUrl().replaceAll("&code_challenge=[^&]*", "");

        Browser.Page p = b.get(url);

        assertThat(p.status()).isEqualTo(302);
        assertThat(p.location()).startsWith(RelyingParty.REDIRECT_URI).contains("error=invalid_request")
                .doesNotContain("code=");
    }

    /**
     * A client secret is a long random value, not a password: checking it with BCrypt (which Spring
     * Authorization Server upgrades a {noop} secret to on first use) let anyone with a made-up code
     * burn ~70 ms of CPU per request. After a client has authenticated, its secret is still held in the
     * fast form, and a wrong secret is still refused.
     */
    @Test
    void checksTheClientSecretWithAFastHashAndNeverUpgradesItToBcrypt() throws Exception {
        assertInvalidGrant(RP.token("made-up-code", RelyingParty.random()));

        assertThat(clients.findByClientId(RelyingParty.CLIENT_ID).getClientSecret()).doesNotStartWith("{bcrypt}");
        assertThat(RP.tokenWithSecret("made-up-code", RelyingParty.random(), "wrong-secret").statusCode())
                .isEqualTo(401);
    }

    static void loggedIn(Browser b) {
        assertThat(faceLogin(b, BRIDGE + "/login/yuexinqian").status()).isEqualTo(200);
    }

    private static void assertInvalidGrant(HttpResponse<String> r) {
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("invalid_grant");
    }
}
