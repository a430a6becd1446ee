package cn.gov.jieyang.talent.authbridge.oidc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.jieyang.talent.authbridge.session.Acr;
import cn.gov.jieyang.talent.authbridge.testing.BridgeWithFakeYuexinqian;
import cn.gov.jieyang.talent.authbridge.testing.RelyingParty;
import cn.gov.jieyang.talent.testsupport.http.Browser;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, finding 7: sessions end everywhere. Measured on main: after logout introspection still
 * said {@code active: true}; no relying party heard of a logout; {@code prompt=none} without a session
 * showed the login page; discovery named no {@code acr_values_supported}.
 */
class SessionEndIT extends BridgeWithFakeYuexinqian {

    @BeforeEach
    void relyingPartyListensForBackChannelLogout() {
        YXQ.server().stubFor(post(BACK_CHANNEL_PATH).willReturn(aResponse().withStatus(200)));
    }

    @Test
    void logoutMakesTheSessionsAccessTokenInactive() throws Exception {
        Browser b = Browser.phone();
        RelyingParty.Request request = RP.newRequest("openid");
        Map<String, Object> tokens = RP.exchange(RP.codeFrom(faceLogin(b, request.authorizeUrl()), request), request);
        String accessToken = (String) tokens.get("access_token");
        assertThat(RP.introspect(accessToken)).containsEntry("active", true);

        logOut(b, tokens);

        assertThat(RP.introspect(accessToken)).containsEntry("active", false);
        assertThat(RP.userinfo(accessToken).statusCode()).isEqualTo(401);
    }

    @Test
    void logoutTellsTheRelyingPartyByBackChannel() throws Exception {
        Browser b = Browser.phone();
        RelyingParty.Request request = RP.newRequest("openid");
        Map<String, Object> tokens = RP.exchange(RP.codeFrom(faceLogin(b, request.authorizeUrl()), request), request);
        JWTClaimsSet idToken = RP.verifiedIdToken(tokens, request);
        String sid = idToken.getStringClaim("sid");

        logOut(b, tokens);

        // Sent after the browser has been answered: wait for it.
        LoggedRequest sent = await().atMost(Duration.ofSeconds(10)).until(() -> logoutTokenFor(sid), r -> r != null);
        assertThat(sent.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        JWTClaimsSet logout = verifiedLogoutToken(formValue(sent.getBodyAsString(), "logout_token"));
        assertThat(logout.getSubject()).isEqualTo(idToken.getSubject());
        assertThat(logout.getStringClaim("sid")).isEqualTo(sid);
        assertThat(logout.getJSONObjectClaim("events"))
                .containsKey("http://schemas.openid.net/event/backchannel-logout");
        assertThat(logout.getClaim("nonce")).as("a logout token carries no nonce").isNull();
        assertThat(logout.getJWTID()).isNotBlank();
    }

    @Test
    void promptNoneWithoutASessionAnswersLoginRequired() {
        RelyingParty.Request request = RP.newRequest("openid", "&prompt=none");

        Browser.Page p = Browser.phone().get(request.authorizeUrl());

        assertThat(p.status()).isEqualTo(302);
        assertThat(p.location()).startsWith(RelyingParty.REDIRECT_URI + "?");
        Map<String, String> q = Browser.query(p.location());
        assertThat(q).containsEntry("error", "login_required").containsEntry("state", request.state())
                .doesNotContainKey("code");
    }

    @Test
    @SuppressWarnings("unchecked")
    void discoveryAdvertisesTheAcrValuesAndBackChannelLogout() throws Exception {
        Map<String, Object> discovery = JSONObjectUtils.parse(RP.get("/.well-known/openid-configuration").body());

        assertThat((List<String>) discovery.get("acr_values_supported"))
                .containsExactlyInAnyOrder(Acr.FACE_VERIFIED, Acr.PASSWORD);
        assertThat(discovery).containsEntry("backchannel_logout_supported", true)
                .containsEntry("backchannel_logout_session_supported", true);
        // Measured on main (session 19, against ./run): also client_secret_post, client_secret_jwt,
        // tls_client_auth and self_signed_tls_client_auth, which no relying party is registered with.
        assertThat((List<String>) discovery.get("token_endpoint_auth_methods_supported"))
                .containsExactlyInAnyOrder("client_secret_basic", "private_key_jwt");
    }

    private static void logOut(Browser b, Map<String, Object> tokens) {
        Browser.Page out = b.get(BRIDGE + "/connect/logout?id_token_hint=" + tokens.get("id_token")
                + "&post_logout_redirect_uri=" + RelyingParty.ORIGIN + "/");
        assertThat(out.status()).isEqualTo(302);
        assertThat(out.location()).startsWith(RelyingParty.ORIGIN + "/");
    }

    private static LoggedRequest logoutTokenFor(String sid) {
        return YXQ.server().findAll(postRequestedFor(urlEqualTo(BACK_CHANNEL_PATH))).stream()
                .filter(r -> {
                    try {
                        return sid.equals(SignedJWT.parse(formValue(r.getBodyAsString(), "logout_token"))
                                .getJWTClaimsSet().getStringClaim("sid"));
                    } catch (Exception e) {
                        return false;
                    }
                }).findFirst().orElse(null);
    }

    private static String formValue(String form, String name) {
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + form);
    }

    /** As OpenID Connect Back-Channel Logout 1.0 §2.6 has the relying party check it. */
    private static JWTClaimsSet verifiedLogoutToken(String token) throws Exception {
        DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
        p.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("logout+jwt")));
        p.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256,
                new ImmutableJWKSet<>(JWKSet.parse(RP.get("/jwks").body()))));
        p.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(RelyingParty.CLIENT_ID,
                new JWTClaimsSet.Builder().issuer(BRIDGE).build(), Set.of("iat", "exp", "jti", "events", "sid", "sub")));
        return p.process(SignedJWT.parse(token), null);
    }
}
