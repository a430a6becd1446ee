package cn.gov.jieyang.talent.authbridge.face;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.testsupport.http.Browser;
import cn.gov.jieyang.talent.authbridge.testing.BridgeWithFakeYuexinqian;
import cn.gov.jieyang.talent.authbridge.testing.FakeYuexinqian;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bridge's side of the protocol: which callbacks verify a transaction, and which are refused. */
class YuexinqianCallbackIT extends BridgeWithFakeYuexinqian {

    private Browser browser;
    private Map<String, String> txn;

    @BeforeEach
    void openATransaction() {
        browser = Browser.phone();
        txn = openFaceTransaction(browser);
    }

    @Test
    void opensATransactionWithStateNonceAndItsOwnReturnAddress() {
        assertThat(txn).containsKeys("app_id", "redirect_uri", "state", "nonce", "txn");
        assertThat(txn.get("redirect_uri")).isEqualTo(BRIDGE + "/login/yuexinqian/return");
        assertThat(txn.get("state")).hasSizeGreaterThanOrEqualTo(16).isNotEqualTo(txn.get("nonce"));
    }

    @Test
    void showsADesktopAQrCodeAndLetsItContinueOnceThePhoneIsVerified() {
        Browser desktop = new Browser(Browser.DESKTOP);
        Browser.Page wait = desktop.get(BRIDGE + "/login/yuexinqian");
        assertThat(wait.status()).isEqualTo(200);
        assertThat(wait.body()).contains("<svg", "id=\"phone-link\"", "role=\"status\"", "aria-live=\"polite\"");
        String link = QrLoginPhishingIT.qrLink(wait.body());
        String txnId = Browser.query(link).get("txn");
        assertThat(desktop.get(BRIDGE + "/login/yuexinqian/status?txn=" + txnId).body()).contains("\"open\"");

        Map<String, String> yxq = QrLoginPhishingIT.pickOnPhone(Browser.phone(), link, QrLoginPhishingIT.shownNumber(wait.body()));
        assertThat(desktop.get(BRIDGE + "/login/yuexinqian/status?txn=" + txnId).body()).contains("\"matched\"");
        assertAccepted(YXQ.sign(YXQ.verifiedClaims(txnId, yxq.get("nonce")).build()));

        Browser.Page status = desktop.get(BRIDGE + "/login/yuexinqian/status?txn=" + txnId);
        assertThat(status.body()).contains("\"verified\"", "/login/yuexinqian/return?txn=" + txnId);
        // Only the desktop that opened it may ask.
        assertThat(Browser.phone().get(BRIDGE + "/login/yuexinqian/status?txn=" + txnId).status()).isEqualTo(404);
        String next = status.body().replaceAll("(?s).*\"continue\":\"([^\"]+)\".*", "$1");
        assertThat(desktop.get(BRIDGE + next).setCookies()).anyMatch(c -> c.startsWith("JYB_SESSION="));
    }

    @Test
    void acceptsAVerifiedCallbackAndLetsTheSameBrowserIn() {
        assertAccepted(valid().build());

        Browser.Page back = browser.get(returnUrl(txn.get("state")));

        assertThat(back.status()).isEqualTo(302);
        assertThat(back.setCookies()).anyMatch(c -> c.startsWith("JYB_SESSION=") && c.contains("HttpOnly"));
        Browser.Page home = browser.follow(back, null);
        assertThat(home.body()).contains("urn:gd:trust:L4", "4452**********123X", "已通过粤信签人脸识别", ">p-")
                .doesNotContain(FakeYuexinqian.ID_NUMBER);
    }

    /**
     * A well-formed check character is not enough: the region code must start with a province of GB/T
     * 2260. The bridge used to accept these and the portal to refuse them, so the person landed on the
     * portal's 502 page; now one rule refuses them here, before any session exists.
     */
    @ParameterizedTest
    @ValueSource(strings = {"045202199001010013", "205202199001010013"})
    void rejectsAVerifiedIdentityWhoseRegionCodeIsNoProvince(String idNumber) {
        assertRefused(YXQ.sign(valid().claim("id_number", idNumber).build()), "invalid_claims");
    }

    @Test
    void rejectsACallbackWithAForgedSignature() throws Exception {
        ECKey forger = new ECKeyGenerator(Curve.P_256).keyID(YXQ.key().getKeyID()).generate();

        assertRefused(FakeYuexinqian.sign(valid().build(), forger, h -> { }), "invalid_signature");
    }

    @Test
    void rejectsACallbackSignedWithAnUnknownKid() throws Exception {
        ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("not-published").generate();

        assertRefused(FakeYuexinqian.sign(valid().build(), stranger, h -> { }), "invalid_signature");
    }

    /**
     * Measured on main: the third unknown kid within 10 s met the JWKS refetch limit and got
     * {@code 503 temporarily_unavailable}, so 粤信签 would retry a callback that can never verify.
     */
    @Test
    void refusesAnUnknownKidFinallyAlsoPastTheRefetchLimit() throws Exception {
        for (int i = 0; i < 4; i++) {
            ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("not-published-" + i).generate();
            assertRefused(FakeYuexinqian.sign(valid().build(), stranger, h -> { }), "invalid_signature");
        }
    }

    /** Measured on main: a callback issued an hour from now was accepted. */
    @Test
    void rejectsACallbackIssuedInTheFuture() {
        Instant later = Instant.now().plusSeconds(3600);
        assertRefused(YXQ.sign(valid().issueTime(Date.from(later)).expirationTime(Date.from(later.plusSeconds(60)))
                .build()), "invalid_claims");
    }

    /** Measured on main: {@code trust_level: "L1"} with outcome verified became an L4 session. */
    @ParameterizedTest
    @ValueSource(strings = {"L1", "L2", "L3"})
    void makesNoSessionFromAVerifiedCallbackBelowL4(String level) {
        assertAccepted(valid().claim("trust_level", level).build());

        Browser.Page back = browser.get(returnUrl(txn.get("state")));

        assertThat(back.setCookies()).noneMatch(c -> c.startsWith("JYB_SESSION="));
        assertThat(back.status()).isEqualTo(401);
        assertThat(back.body()).contains("人脸识别未通过");
    }

    @ParameterizedTest
    @ValueSource(strings = {"L9", "l4", "", "urn:gd:trust:L4"})
    void rejectsATrustLevelTheProtocolDoesNotName(String level) {
        assertRefused(YXQ.sign(valid().claim("trust_level", level).build()), "invalid_claims");
    }

    @Test
    void rejectsACallbackForAnotherAudience() {
        assertRefused(YXQ.sign(valid().audience("some-other-app").build()), "invalid_claims");
    }

    @Test
    void rejectsACallbackFromAnotherIssuer() {
        assertRefused(YXQ.sign(valid().issuer("https://evil.example").build()), "invalid_claims");
    }

    @Test
    void rejectsAnExpiredCallback() {
        Instant past = Instant.now().minusSeconds(600);
        assertRefused(YXQ.sign(valid().issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(60)))
                .build()), "invalid_claims");
    }

    @Test
    void rejectsACallbackValidForTooLong() {
        assertRefused(YXQ.sign(valid().expirationTime(Date.from(Instant.now().plusSeconds(3600))).build()),
                "invalid_claims");
    }

    @Test
    void rejectsAReplayedCallback() {
        String jws = YXQ.sign(valid().build());
        assertAccepted(jws);

        assertRefused(jws, "replayed");
    }

    @Test
    void rejectsACallbackForAnUnknownTransaction() {
        assertRefused(YXQ.sign(YXQ.verifiedClaims("no-such-transaction-000000", txn.get("nonce")).build()),
                "unknown_transaction");
    }

    @Test
    void rejectsACallbackForACompletedTransaction() {
        assertAccepted(valid().build());
        assertThat(browser.get(returnUrl(txn.get("state"))).status()).isEqualTo(302);

        assertRefused(YXQ.sign(valid().build()), "unknown_transaction");
    }

    @Test
    void rejectsACallbackWithAnotherNonce() {
        assertRefused(YXQ.sign(YXQ.verifiedClaims(txn.get("txn"), "another-nonce-1234567890").build()),
                "nonce_mismatch");
    }

    @Test
    void rejectsAnUnsignedCallback() {
        JWTClaimsSet claims = valid().build();
        String none = new com.nimbusds.jwt.PlainJWT(claims).serialize();

        assertRefused(none, "invalid_signature");
    }

    @Test
    void rejectsAnotherTokenType() {
        assertRefused(FakeYuexinqian.sign(valid().build(), YXQ.key(),
                h -> h.type(com.nimbusds.jose.JOSEObjectType.JWT)), "invalid_claims");
    }

    @Test
    void givesNoSessionToABrowserReturningBeforeTheCallback() {
        Browser.Page back = browser.get(returnUrl(txn.get("state")));

        assertThat(back.status()).isEqualTo(409);
        assertThat(back.setCookies()).noneMatch(c -> c.startsWith("JYB_SESSION="));
    }

    @Test
    void givesNoSessionToAnotherBrowser() {
        assertAccepted(valid().build());
        Browser other = Browser.phone();

        Browser.Page back = other.get(returnUrl(txn.get("state")));

        assertThat(back.status()).isEqualTo(403);
        assertThat(back.setCookies()).noneMatch(c -> c.startsWith("JYB_SESSION="));
    }

    @Test
    void givesNoSessionWhenStateDoesNotMatch() {
        assertAccepted(valid().build());

        Browser.Page back = browser.get(returnUrl("wrong-state-0000000000"));

        assertThat(back.status()).isEqualTo(400);
        assertThat(back.setCookies()).noneMatch(c -> c.startsWith("JYB_SESSION="));
    }

    @Test
    void showsAClearPageWhenTheFaceCheckFailed() {
        assertAccepted(YXQ.sign(new JWTClaimsSet.Builder(valid().build()).claim("outcome", "failed")
                .claim("name", null).claim("id_number", null).claim("id_type", null).build()));

        Browser.Page back = browser.get(returnUrl(txn.get("state")) + "&error=verification_failed");

        assertThat(back.status()).isEqualTo(401);
        assertThat(back.body()).contains("人脸识别未通过");
    }

    private JWTClaimsSet.Builder valid() {
        return YXQ.verifiedClaims(txn.get("txn"), txn.get("nonce"));
    }

    private HttpResponse<String> deliver(JWTClaimsSet claims) {
        return deliver(YXQ.sign(claims));
    }

    private static HttpResponse<String> deliver(String jws) {
        return FakeYuexinqian.deliver(BRIDGE, jws);
    }

    private String returnUrl(String state) {
        return BRIDGE + "/login/yuexinqian/return?state=" + state + "&txn=" + txn.get("txn");
    }

    private void assertAccepted(JWTClaimsSet claims) {
        assertAccepted(YXQ.sign(claims));
    }

    private static void assertAccepted(String jws) {
        HttpResponse<String> r = deliver(jws);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
    }

    private static void assertRefused(String jws, String error) {
        HttpResponse<String> r = deliver(jws);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("\"error\":\"" + error + "\"");
    }
}
