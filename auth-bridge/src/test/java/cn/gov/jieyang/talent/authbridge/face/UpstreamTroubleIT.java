package cn.gov.jieyang.talent.authbridge.face;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.authbridge.AuthBridgeApplication;
import cn.gov.jieyang.talent.testsupport.http.Browser;
import cn.gov.jieyang.talent.authbridge.testing.FakeYuexinqian;
import cn.gov.jieyang.talent.testsupport.process.FreePorts;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * When 粤信签 or Keycloak is in trouble the person sees a page that says what to do, and a callback
 * the bridge cannot check is answered 503 (粤信签 retries) rather than accepted or refused for good.
 */
@SpringBootTest(classes = AuthBridgeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {"bridge.yuexinqian.timeout=1s", "bridge.yuexinqian.jwks-cache-ttl=3s"})
class UpstreamTroubleIT {

    private static final FakeYuexinqian YXQ = new FakeYuexinqian();
    private static final int PORT = FreePorts.next();
    private static final String BRIDGE = "http://127.0.0.1:" + PORT;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("server.port", () -> PORT);
        r.add("bridge.session.issuer", () -> BRIDGE);
        r.add("bridge.yuexinqian.base-url", YXQ::baseUrl);
        // Nothing listens on port 1: Keycloak is down.
        r.add("bridge.keycloak.base-url", () -> "http://127.0.0.1:1");
    }

    @AfterEach
    void healthyAgain() {
        YXQ.server().resetAll();
        YXQ.publishKeys();
    }

    @Test
    void answersServiceUnavailableWhenTheJwksFails() {
        Map<String, String> txn = openTransaction();
        YXQ.server().stubFor(get("/jwks").willReturn(aResponse().withStatus(500)));
        sleepPastTheCache();

        HttpResponse<String> r = FakeYuexinqian.deliver(BRIDGE, YXQ.sign(YXQ.verifiedClaims(txn.get("txn"),
                txn.get("nonce")).build()));

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains("temporarily_unavailable");
    }

    @Test
    void answersServiceUnavailableWhenTheJwksIsTooSlow() {
        Map<String, String> txn = openTransaction();
        YXQ.server().stubFor(get("/jwks").willReturn(aResponse().withFixedDelay(3000)
                .withHeader("Content-Type", "application/json").withBody("{\"keys\":[]}")));
        sleepPastTheCache();

        HttpResponse<String> r = FakeYuexinqian.deliver(BRIDGE, YXQ.sign(YXQ.verifiedClaims(txn.get("txn"),
                txn.get("nonce")).build()));

        assertThat(r.statusCode()).isEqualTo(503);
    }

    @Test
    void tellsThePersonToUseAccountLoginWhenYuexinqianDoesNotAnswer() {
        YXQ.server().stubFor(get("/jwks").willReturn(aResponse().withStatus(503)));
        sleepPastTheCache(); // a good answer is remembered for the JWKS cache time

        Browser.Page p = Browser.phone().get(BRIDGE + "/login/yuexinqian");

        assertThat(p.status()).isEqualTo(503);
        assertThat(p.body()).contains("暂时无法连接粤信签", "/login/password").doesNotContain("Exception");
    }

    @Test
    void faceLoginStillWorksWhileKeycloakIsDown() {
        Map<String, String> txn = openTransaction();
        assertThat(FakeYuexinqian.deliver(BRIDGE, YXQ.sign(YXQ.verifiedClaims(txn.get("txn"), txn.get("nonce"))
                .build())).statusCode()).isEqualTo(204);
    }

    @Test
    void accountLoginShowsAClearPageWhileKeycloakIsDown() {
        Browser.Page p = Browser.phone().get(BRIDGE + "/login/password");

        assertThat(p.status()).isEqualTo(503);
        assertThat(p.body()).contains("账号密码登录暂时不可用", "/login/yuexinqian").doesNotContain("Exception");
    }

    private static Map<String, String> openTransaction() {
        Browser.Page p = Browser.phone().get(BRIDGE + "/login/yuexinqian");
        assertThat(p.status()).isEqualTo(302);
        return Browser.query(p.location());
    }

    private static void sleepPastTheCache() {
        try {
            Thread.sleep(3500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
