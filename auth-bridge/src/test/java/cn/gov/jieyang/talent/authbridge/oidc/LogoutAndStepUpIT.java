package cn.gov.jieyang.talent.authbridge.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.authbridge.session.Acr;
import cn.gov.jieyang.talent.authbridge.session.NewSession;
import cn.gov.jieyang.talent.authbridge.session.Sessions;
import cn.gov.jieyang.talent.authbridge.session.SubjectType;
import cn.gov.jieyang.talent.testsupport.http.Browser;
import cn.gov.jieyang.talent.authbridge.testing.BridgeWithFakeYuexinqian;
import cn.gov.jieyang.talent.authbridge.testing.RelyingParty;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;

/** RP-initiated logout ends the session everywhere; step-up sends a password session through the face door. */
class LogoutAndStepUpIT extends BridgeWithFakeYuexinqian {

    @Autowired
    Sessions sessions;

    @Test
    void rpInitiatedLogoutEndsTheSessionAndReturnsToTheRelyingParty() throws Exception {
        Browser b = Browser.phone();
        RelyingParty.Request request = RP.newRequest("openid");
        Map<String, Object> tokens = RP.exchange(RP.codeFrom(faceLogin(b, request.authorizeUrl()), request), request);
        String cookie = "JYB_SESSION=" + b.cookie("JYB_SESSION");
        // Before logout, the cookie replayed from another browser opens the session...
        assertThat(Browser.phone().getWithCookie(BRIDGE + "/", cookie).status()).isEqualTo(200);

        Browser.Page out = b.get(BRIDGE + "/connect/logout?id_token_hint=" + tokens.get("id_token")
                + "&post_logout_redirect_uri=" + RelyingParty.ORIGIN + "/&state=bye123");

        assertThat(out.status()).as(out.body()).isEqualTo(302);
        assertThat(out.location()).isEqualTo(RelyingParty.ORIGIN + "/?state=bye123");
        // ...after it, the same cookie replayed from anywhere no longer does.
        Browser.Page replayed = Browser.phone().getWithCookie(BRIDGE + "/", cookie);
        assertThat(replayed.status()).isEqualTo(302);
        assertThat(replayed.location()).endsWith("/login");
        assertThat(b.get(BRIDGE + "/").location()).endsWith("/login");
    }

    @Test
    void aPasswordSessionIsSteppedUpThroughTheFaceDoorWhenTheRelyingPartyAsksForFace() throws Exception {
        // A password session, as the Keycloak door would have started it.
        var password = sessions.start(new NewSession("u-test-stepup", SubjectType.INDIVIDUAL, Acr.PASSWORD,
                List.of("pwd"), "Zhang San", null, null, List.of("individual")));
        MockHttpServletResponse cookieCarrier = new MockHttpServletResponse();
        sessions.establish(password, cookieCarrier);
        String cookie = cookieCarrier.getHeader("Set-Cookie").split(";")[0];
        Browser b = Browser.phone();
        RelyingParty.Request request = RP.newRequest("openid", "&acr_values=" + Acr.FACE_VERIFIED);

        Browser.Page first = b.getWithCookie(request.authorizeUrl(), cookie);

        assertThat(first.status()).isEqualTo(302);
        assertThat(first.location()).contains("/login/yuexinqian");
        Browser.Page done = faceLogin(b, BRIDGE + "/login/yuexinqian");
        var claims = RP.verifiedIdToken(RP.exchange(RP.codeFrom(done, request), request), request);
        assertThat(claims.getStringClaim("acr")).isEqualTo(Acr.FACE_VERIFIED);
    }

    @Test
    void aPasswordSessionWithoutStepUpGetsAPasswordAcr() throws Exception {
        var password = sessions.start(new NewSession("u-test-plain", SubjectType.INDIVIDUAL, Acr.PASSWORD,
                List.of("pwd"), "Zhang San", null, null, List.of("individual")));
        MockHttpServletResponse cookieCarrier = new MockHttpServletResponse();
        sessions.establish(password, cookieCarrier);
        Browser b = Browser.phone();
        RelyingParty.Request request = RP.newRequest("openid");

        Browser.Page p = b.getWithCookie(request.authorizeUrl(), cookieCarrier.getHeader("Set-Cookie").split(";")[0]);

        var claims = RP.verifiedIdToken(RP.exchange(RP.codeFrom(p, request), request), request);
        assertThat(claims.getStringClaim("acr")).isEqualTo(Acr.PASSWORD);
        assertThat(claims.getStringListClaim("amr")).containsExactly("pwd");
    }
}
