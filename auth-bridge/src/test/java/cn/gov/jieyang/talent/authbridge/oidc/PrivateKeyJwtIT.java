package cn.gov.jieyang.talent.authbridge.oidc;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.authbridge.testing.BridgeWithFakeYuexinqian;
import cn.gov.jieyang.talent.authbridge.testing.RelyingParty;
import cn.gov.jieyang.talent.testsupport.http.Browser;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 11, item 1: the portal holds no shared secret. It authenticates at the token endpoint with
 * {@code private_key_jwt} (RFC 7523): an ES256 assertion signed with its own key, whose public half the
 * bridge reads from the portal's JWKS ({@code jwk-set-uri}), cached. Measured on main: the portal's
 * development secret with {@code client_secret_basic} redeemed a code, and an assertion was refused.
 */
class PrivateKeyJwtIT extends BridgeWithFakeYuexinqian {

    @Autowired
    JdbcClient jdbc;

    @Test
    void thePortalRedeemsItsCodeWithASignedAssertion() throws Exception {
        RelyingParty.Request request = PORTAL.newRequest("openid profile");
        Map<String, Object> tokens = PORTAL.exchange(portalCode(request), request);

        assertThat(PORTAL.verifiedIdToken(tokens, request).getAudience()).containsExactly("portal");
        assertThat(PORTAL.introspect((String) tokens.get("access_token"))).containsEntry("active", true);
    }

    @Test
    void thePortalsOldSharedSecretNoLongerAuthenticatesIt() throws Exception {
        RelyingParty.Request request = PORTAL.newRequest("openid");
        String code = portalCode(request);

        assertInvalidClient(PORTAL.tokenWithSecret(code, request.verifier(), RelyingParty.OLD_PORTAL_SECRET));
        // Refused as a client, so the code was not even looked at: the portal still redeems it.
        assertThat(PORTAL.token(code, request.verifier()).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesAMissingForgedExpiredMisaddressedOrReplayedAssertionBeforeTouchingTheCode() throws Exception {
        RelyingParty.Request request = PORTAL.newRequest("openid");
        String code = portalCode(request);
        ECKey stranger = RelyingParty.newAssertionKey();
        ECKey strangerUnderThePortalsKid = new ECKey.Builder(stranger).keyID(PORTAL_KEY.getKeyID()).build();
        Instant now = Instant.now();
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("no assertion", null);
        refused.put("unsigned (alg none)", unsigned(PORTAL.assertion()));
        refused.put("another key under the portal's kid", PORTAL.assertion(c -> { }, strangerUnderThePortalsKid));
        refused.put("a key the portal does not publish", PORTAL.assertion(c -> { }, stranger));
        refused.put("expired", PORTAL.assertion(c -> c.issueTime(Date.from(now.minusSeconds(600)))
                .expirationTime(Date.from(now.minusSeconds(300))), PORTAL_KEY));
        refused.put("valid for an hour", PORTAL.assertion(c -> c.expirationTime(Date.from(now.plusSeconds(3600))),
                PORTAL_KEY));
        refused.put("without exp", PORTAL.assertion(c -> c.expirationTime(null), PORTAL_KEY));
        refused.put("without jti", PORTAL.assertion(c -> c.jwtID(null), PORTAL_KEY));
        refused.put("for another audience", PORTAL.assertion(c -> c.audience("https://elsewhere.example/token"),
                PORTAL_KEY));
        refused.put("issued as another client", PORTAL.assertion(c -> c.issuer("demo-rp").subject("demo-rp"),
                PORTAL_KEY));
        int remembered = rememberedAssertions();

        for (Map.Entry<String, String> assertion : refused.entrySet()) {
            assertInvalidClient(assertion.getKey(), PORTAL.tokenWithAssertion(code, request.verifier(),
                    assertion.getValue()));
        }

        // No refused assertion cost a database write; each was refused before the replay check.
        assertThat(rememberedAssertions()).isEqualTo(remembered);
        String once = PORTAL.assertion();
        assertThat(PORTAL.tokenWithAssertion(code, request.verifier(), once).statusCode()).isEqualTo(200);
        // Replayed: an authenticated request with a made-up code would get 400 invalid_grant.
        assertInvalidClient("replayed", PORTAL.tokenWithAssertion("made-up-code", RelyingParty.random(), once));
    }

    /** Not per request: an unknown kid refetches at most once (rate limited), a known one never. */
    @Test
    void fetchesThePortalsJwksOnceNotPerRequest() throws Exception {
        assertThat(PORTAL.token("made-up-code", RelyingParty.random()).statusCode()).isEqualTo(400);
        int before = jwksFetches();

        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r = PORTAL.token("made-up-code", RelyingParty.random());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            assertThat(r.body()).contains("invalid_grant");
            assertInvalidClient("unknown kid", PORTAL.tokenWithAssertion("made-up-code", RelyingParty.random(),
                    PORTAL.assertion(c -> { }, RelyingParty.newAssertionKey())));
        }

        assertThat(jwksFetches() - before).isLessThanOrEqualTo(1);
    }

    private static String portalCode(RelyingParty.Request request) {
        return PORTAL.codeFrom(faceLogin(Browser.phone(), request.authorizeUrl(), RelyingParty.PORTAL_ORIGIN), request);
    }

    private static void assertInvalidClient(HttpResponse<String> r) {
        assertInvalidClient("", r);
    }

    private static void assertInvalidClient(String what, HttpResponse<String> r) {
        // A token response is not printed (tokens stay out of the build's logs).
        String shown = r.body().contains("access_token") ? "(a token response)" : r.body();
        assertThat(r.statusCode()).as(what + ": " + shown).isEqualTo(401);
        assertThat(r.body()).as(what).contains("invalid_client");
    }

    /** The same claims with {"alg":"none"} and no signature. */
    private static String unsigned(String signed) throws Exception {
        JWTClaimsSet claims = com.nimbusds.jwt.SignedJWT.parse(signed).getJWTClaimsSet();
        return Base64URL.encode("{\"alg\":\"none\"}") + "." + Base64URL.encode(claims.toString()) + ".";
    }

    private int rememberedAssertions() {
        return jdbc.sql("select count(*) from accepted_client_assertion").query(Integer.class).single();
    }

    private static int jwksFetches() {
        return YXQ.server().findAll(getRequestedFor(urlEqualTo(PORTAL_JWKS_PATH))).size();
    }
}
