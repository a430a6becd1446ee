package cn.gov.jieyang.talent.authbridge.testing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.testsupport.http.Browser;
import cn.gov.jieyang.talent.testsupport.process.FreePorts;
import cn.gov.jieyang.talent.authbridge.AuthBridgeApplication;
import java.util.Map;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real bridge (embedded PostgreSQL, real HTTP on a fixed free port) with 粤信签 played by
 * {@link FakeYuexinqian}. Every subclass shares one Spring context.
 */
@SpringBootTest(classes = AuthBridgeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
public abstract class BridgeWithFakeYuexinqian {

    protected static final FakeYuexinqian YXQ = new FakeYuexinqian();
    protected static final int PORT = FreePorts.next();
    protected static final String BRIDGE = "http://127.0.0.1:" + PORT;
    protected static final RelyingParty RP = new RelyingParty(BRIDGE);

    @DynamicPropertySource
    static void bridgeProperties(DynamicPropertyRegistry r) {
        r.add("server.port", () -> PORT);
        r.add("bridge.session.issuer", () -> BRIDGE);
        r.add("bridge.yuexinqian.base-url", YXQ::baseUrl);
        r.add("spring.security.oauth2.authorizationserver.client.portal.registration.redirect-uris[0]",
                () -> RelyingParty.REDIRECT_URI);
        r.add("spring.security.oauth2.authorizationserver.client.portal.registration.post-logout-redirect-uris[0]",
                () -> RelyingParty.ORIGIN + "/");
        // The relying party's back-channel logout endpoint: a stub on the fake 粤信签's WireMock server.
        r.add("bridge.logout.back-channel.portal", () -> YXQ.baseUrl() + BACK_CHANNEL_PATH);
    }

    /** Where the test relying party receives back-channel logout tokens (on {@link #YXQ}'s server). */
    protected static final String BACK_CHANNEL_PATH = "/rp/back-channel-logout";

    /** The parameters the bridge sent the browser to 粤信签 with (txn, state, nonce...). */
    protected static Map<String, String> openFaceTransaction(Browser browser) {
        Browser.Page p = browser.get(BRIDGE + "/login/yuexinqian");
        assertThat(p.status()).isEqualTo(302);
        assertThat(p.location()).startsWith(YXQ.baseUrl() + "/authorize?");
        return Browser.query(p.location());
    }

    /**
     * A complete face login starting at {@code startUrl} (an authorization request or the face door):
     * the person picks face login on the login page, 粤信签's callback is delivered, the browser
     * returns. Answers the last page before the browser would leave for the relying party.
     */
    protected static Browser.Page faceLogin(Browser browser, String startUrl) {
        return faceLogin(browser, startUrl, RelyingParty.ORIGIN);
    }

    /** As {@link #faceLogin(Browser, String)}, for a relying party at {@code rpOrigin}. */
    protected static Browser.Page faceLogin(Browser browser, String startUrl, String rpOrigin) {
        return faceLoginAs(browser, startUrl, rpOrigin, FakeYuexinqian.ID_NUMBER);
    }

    /** As {@link #faceLogin(Browser, String, String)}, for the person with this ID number. */
    protected static Browser.Page faceLoginAs(Browser browser, String startUrl, String rpOrigin, String idNumber) {
        Browser.Page p = browser.follow(browser.get(startUrl), YXQ.baseUrl());
        if (p.status() == 200) {
            assertThat(p.body()).contains("/login/yuexinqian");
            p = browser.get(BRIDGE + "/login/yuexinqian");
        }
        assertThat(p.location()).as("redirect to 粤信签").startsWith(YXQ.baseUrl());
        Map<String, String> yxq = Browser.query(p.location());
        assertThat(FakeYuexinqian.deliver(BRIDGE, YXQ.sign(YXQ.verifiedClaims(yxq.get("txn"), yxq.get("nonce"))
                .claim("id_number", idNumber).build())).statusCode()).isEqualTo(204);
        return browser.follow(browser.get(BRIDGE + "/login/yuexinqian/return?state=" + yxq.get("state")
                + "&txn=" + yxq.get("txn")), rpOrigin);
    }

    /** Authorization request → face login → code → tokens. */
    protected static Map<String, Object> tokensAfterFaceLogin(RelyingParty.Request request) throws Exception {
        return RP.exchange(RP.codeFrom(faceLogin(Browser.phone(), request.authorizeUrl()), request), request);
    }
}
