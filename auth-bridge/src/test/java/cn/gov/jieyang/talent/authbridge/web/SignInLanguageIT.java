package cn.gov.jieyang.talent.authbridge.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.authbridge.testing.BridgeWithFakeYuexinqian;
import cn.gov.jieyang.talent.authbridge.testing.RelyingParty;
import cn.gov.jieyang.talent.testsupport.http.Browser;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, item 7: the sign-in page follows the browser's language until the person chooses, has a
 * switch, takes a relying party's {@code ui_locales}, and tells the relying party the language the
 * person signed in with (the ID token's {@code locale}), so the two sides speak the same language.
 */
class SignInLanguageIT extends BridgeWithFakeYuexinqian {

    @Test
    void followsAnEnglishBrowserAndOffersChinese() {
        Browser.Page login = new Browser(Browser.PHONE, "en-US,en;q=0.9").get(BRIDGE + "/login");

        assertThat(login.body()).contains("<html lang=\"en\"", "Sign in with face verification",
                "id=\"lang-switch\"", "中文");
    }

    @Test
    void theSwitchIsAChoiceThatOutlastsTheBrowsersLanguageAndLogout() {
        Browser b = Browser.phone();
        assertThat(b.get(BRIDGE + "/login").body()).contains("<html lang=\"zh\"", "English");

        assertThat(b.get(BRIDGE + "/login?lang=en").body()).contains("<html lang=\"en\"");

        assertThat(b.cookie("JYB_LANG")).isEqualTo("en");
        assertThat(b.get(BRIDGE + "/login?logged_out").body()).contains("<html lang=\"en\"", "You have signed out.");
    }

    @Test
    void aRelyingPartysUiLocalesSetsTheSignInPagesLanguage() {
        Browser b = Browser.phone();
        RelyingParty.Request request = RP.newRequest("openid", "&ui_locales=en-GB%20zh-CN");

        Browser.Page login = b.follow(b.get(request.authorizeUrl()), YXQ.baseUrl());

        assertThat(login.body()).contains("<html lang=\"en\"", "Sign in with face verification");
    }

    @Test
    void theIdTokenSaysWhichLanguageThePersonSignedInWith() throws Exception {
        Browser b = Browser.phone();
        b.get(BRIDGE + "/login?lang=en");
        RelyingParty.Request request = RP.newRequest("openid");

        JWTClaimsSet claims = RP.verifiedIdToken(RP.exchange(RP.codeFrom(faceLogin(b, request.authorizeUrl()), request),
                request), request);

        assertThat(claims.getStringClaim("locale")).isEqualTo("en");
    }
}
