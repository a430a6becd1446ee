package cn.gov.jieyang.talent.authbridge.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.testsupport.http.Browser;
import cn.gov.jieyang.talent.testsupport.process.FreePorts;
import cn.gov.jieyang.talent.authbridge.AuthBridgeApplication;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import java.util.Map;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real bridge (embedded PostgreSQL, real HTTP on a fixed free port) with 粤信签 played by
 * {@link FakeYuexinqian}. Every subclass shares one Spring context. Two relying parties: {@link #RP},
 * {@code demo-rp} as the dev profile registers it (client_secret_basic), and {@link #PORTAL}, client
 * {@code portal} (private_key_jwt), whose JWKS is published on {@link #YXQ}'s WireMock server.
 */
@SpringBootTest(classes = AuthBridgeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
public abstract class BridgeWithFakeYuexinqian {

    protected static final FakeYuexinqian YXQ = new FakeYuexinqian();
    protected static final int PORT = FreePorts.next();
    protected static final String BRIDGE = "http://127.0.0.1:" + PORT;
    protected static final RelyingParty RP = new RelyingParty(BRIDGE);
    /** The portal's client-authentication key (the bridge knows only its public half, from the JWKS). */
    protected static final ECKey PORTAL_KEY = RelyingParty.newAssertionKey();
    protected static final RelyingParty PORTAL = RelyingParty.portal(BRIDGE, PORTAL_KEY);
    /** Where the portal's JWKS is published (on {@link #YXQ}'s server). */
    protected static final String PORTAL_JWKS_PATH = "/rp/portal-jwks";

    static {
        YXQ.server().stubFor(get(PORTAL_JWKS_PATH).willReturn(aResponse()
                .withHeader("Content-Type", "application/jwk-set+json")
                .withBody(new JWKSet(PORTAL_KEY.toPublicJWK()).toString())));
    }

    @DynamicPropertySource
    static void bridgeProperties(DynamicPropertyRegistry r) {
        r.add("server.port", () -> PORT);
        r.add("bridge.session.issuer", () -> BRIDGE);
        r.add("bridge.yuexinqian.base-url", YXQ::baseUrl);
        // demo-rp keeps its dev-profile redirect URIs (RelyingParty.ORIGIN); the portal's point at port 1.
        String portal = "spring.security.oauth2.authorizationserver.client.portal.";
        r.add(portal + "registration.redirect-uris[0]", () -> RelyingParty.PORTAL_REDIRECT_URI);
        r.add(portal + "registration.post-logout-redirect-uris[0]", () -> RelyingParty.PORTAL_ORIGIN + "/");
        r.add(portal + "jwk-set-uri", () -> YXQ.baseUrl() + PORTAL_JWKS_PATH);
        // The relying parties' back-channel logout endpoints: stubs on the fake 粤信签's WireMock server.
        r.add("bridge.logout.back-channel.demo-rp", () -> YXQ.baseUrl() + BACK_CHANNEL_PATH);
        r.add("bridge.logout.back-channel.portal", () -> YXQ.baseUrl() + "/rp/portal-back-channel-logout");
        // The audit checkpoints: a development CA's seal and TSA, required as in production; no hourly
        // checkpoint (the tests make their own).
        AuditSealForTests seal = AuditSealForTests.get();
        r.add("bridge.audit.seal.pkcs12", () -> seal.pkcs12().toString());
        r.add("bridge.audit.seal.password", () -> AuditSealForTests.PASSWORD);
        r.add("bridge.audit.seal.crl", () -> seal.crl().toString());
        r.add("bridge.audit.seal.required", () -> "true");
        r.add("bridge.audit.tsa.url", seal::tsaUrl);
        r.add("bridge.audit.checkpoint.cron", () -> "-");
    }

    /** Where the test relying party {@link #RP} receives back-channel logout tokens (on {@link #YXQ}'s server). */
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
