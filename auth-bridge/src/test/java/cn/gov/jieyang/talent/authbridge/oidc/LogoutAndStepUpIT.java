package cn.gov.jieyang.talent.authbridge.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.authbridge.session.Acr;
import cn.gov.jieyang.talent.authbridge.session.NewSession;
import cn.gov.jieyang.talent.authbridge.session.Sessions;
import cn.gov.jieyang.talent.authbridge.session.SubjectType;
import cn.gov.jieyang.talent.authbridge.testing.BridgeWithFakeYuexinqian;
import cn.gov.jieyang.talent.authbridge.testing.FakeYuexinqian;
import cn.gov.jieyang.talent.authbridge.testing.RelyingParty;
import cn.gov.jieyang.talent.identity.IdNumber;
import cn.gov.jieyang.talent.testsupport.http.Browser;
import com.nimbusds.jwt.JWTClaimsSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * RP-initiated logout ends the session everywhere; step-up sends a password session through the face
 * door, and only the account's own person continues it, under the account's subject.
 */
class LogoutAndStepUpIT extends BridgeWithFakeYuexinqian {

    /** A valid GB 11643 number that is not {@link FakeYuexinqian#ID_NUMBER}, the one the face check verifies. */
    private static final String SOMEONE_ELSES_ID_NUMBER = "445202199003070014";
    /**
     * The account holder of the same-person step-up: a number of their own, so that linking their
     * face to their account does not change who the other tests' face logins are.
     */
    private static final String ACCOUNT_HOLDER = "445202198807070015";

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
        String cookie = passwordSession("u-test-stepup", null).split(";")[0];
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
    void aSteppedUpSessionKeepsTheAccountsSubject() throws Exception {
        // The account holder's own face: the number 粤信签 verifies is the one on record for the account.
        Browser b = browserWithPasswordSession("u-test-stepup-same", ACCOUNT_HOLDER);
        RelyingParty.Request request = RP.newRequest("openid", "&acr_values=" + Acr.FACE_VERIFIED);
        assertThat(b.get(request.authorizeUrl()).location()).contains("/login/yuexinqian");

        JWTClaimsSet claims = RP.verifiedIdToken(RP.exchange(RP.codeFrom(
                faceLoginAs(b, BRIDGE + "/login/yuexinqian", RelyingParty.ORIGIN, ACCOUNT_HOLDER), request), request),
                request);

        assertThat(claims.getStringClaim("acr")).isEqualTo(Acr.FACE_VERIFIED);
        assertThat(claims.getSubject()).as("the same person continues, as the same account")
                .isEqualTo("u-test-stepup-same");

        // From now on the face door alone leads this person to the same account: one set of records.
        RelyingParty.Request faceOnly = RP.newRequest("openid");
        JWTClaimsSet later = RP.verifiedIdToken(RP.exchange(RP.codeFrom(
                faceLoginAs(Browser.phone(), faceOnly.authorizeUrl(), RelyingParty.ORIGIN, ACCOUNT_HOLDER), faceOnly),
                faceOnly), faceOnly);
        assertThat(later.getSubject()).isEqualTo("u-test-stepup-same");
        assertThat(later.getStringClaim("acr")).isEqualTo(Acr.FACE_VERIFIED);
    }

    @Test
    void someoneElsesFaceDoesNotStepUpTheSession() throws Exception {
        Browser b = browserWithPasswordSession("u-test-stepup-other", SOMEONE_ELSES_ID_NUMBER);
        RelyingParty.Request request = RP.newRequest("openid", "&acr_values=" + Acr.FACE_VERIFIED);
        assertThat(b.get(request.authorizeUrl()).location()).contains("/login/yuexinqian");

        Browser.Page done = faceLogin(b, BRIDGE + "/login/yuexinqian");

        assertThat(String.valueOf(done.location())).as("no code for the relying party after another person's face")
                .doesNotStartWith(RelyingParty.ORIGIN);
        // The browser still holds the account's password session, unchanged.
        RelyingParty.Request plain = RP.newRequest("openid");
        JWTClaimsSet claims = RP.verifiedIdToken(RP.exchange(RP.codeFrom(
                b.follow(b.get(plain.authorizeUrl()), RelyingParty.ORIGIN), plain), plain), plain);
        assertThat(claims.getSubject()).isEqualTo("u-test-stepup-other");
        assertThat(claims.getStringClaim("acr")).isEqualTo(Acr.PASSWORD);
    }

    @Test
    void aPasswordSessionWithoutStepUpGetsAPasswordAcr() throws Exception {
        String cookie = passwordSession("u-test-plain", null).split(";")[0];
        Browser b = Browser.phone();
        RelyingParty.Request request = RP.newRequest("openid");

        Browser.Page p = b.getWithCookie(request.authorizeUrl(), cookie);

        var claims = RP.verifiedIdToken(RP.exchange(RP.codeFrom(p, request), request), request);
        assertThat(claims.getStringClaim("acr")).isEqualTo(Acr.PASSWORD);
        assertThat(claims.getStringListClaim("amr")).containsExactly("pwd");
    }

    /**
     * A password session as the Keycloak door starts it, for an account with this ID number on record
     * (or none); answers its {@code Set-Cookie} header.
     */
    private String passwordSession(String subject, String idNumberOnRecord) {
        var password = sessions.start(new NewSession(subject, SubjectType.INDIVIDUAL, Acr.PASSWORD,
                List.of("pwd"), "Zhang San",
                idNumberOnRecord == null ? null : IdNumber.residentId(idNumberOnRecord), null, List.of("individual")));
        MockHttpServletResponse cookieCarrier = new MockHttpServletResponse();
        sessions.establish(password, cookieCarrier);
        return cookieCarrier.getHeader("Set-Cookie");
    }

    /** A phone browser that holds such a password session, as a real one would through the face door. */
    private Browser browserWithPasswordSession(String subject, String idNumberOnRecord) {
        Browser b = Browser.phone();
        b.acceptCookie(BRIDGE + "/", passwordSession(subject, idNumberOnRecord));
        return b;
    }
}
