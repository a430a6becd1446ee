package cn.gov.jieyang.talent.authbridge.face;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.authbridge.AuthBridgeApplication;
import cn.gov.jieyang.talent.authbridge.testing.RelyingParty;
import cn.gov.jieyang.talent.testsupport.http.Browser;
import cn.gov.jieyang.talent.testsupport.process.FreePorts;
import cn.gov.jieyang.talent.testsupport.stack.MockYuexinqianProcess;
import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole face door over real HTTP: a relying party's authorization request, the bridge's login
 * page, the real mock 粤信签 (its own process) clicked through by a phone browser, its signed
 * callback to the bridge, the code exchange with PKCE and an ID token checked against the JWKS.
 */
@SpringBootTest(classes = AuthBridgeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class FaceLoginThroughMockIT {

    private static final int PORT = FreePorts.next();
    private static final String BRIDGE = "http://127.0.0.1:" + PORT;
    private static final MockYuexinqianProcess MOCK = MockYuexinqianProcess.start(PORT);
    private static final RelyingParty RP = new RelyingParty(BRIDGE);
    private static final Pattern FLOW = Pattern.compile("name=\"flow\" value=\"([A-Za-z0-9_-]+)\"");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("server.port", () -> PORT);
        r.add("bridge.session.issuer", () -> BRIDGE);
        r.add("bridge.yuexinqian.base-url", MOCK::baseUrl);
    }

    @AfterAll
    static void stopMock() {
        MOCK.close();
    }

    @Test
    void firstTimeAndReturningPersonLogInWithTheirFaceAndTheRelyingPartyGetsAVerifiedIdToken() throws Exception {
        Browser phone = Browser.phone();

        RelyingParty.Request first = RP.newRequest("openid profile realname");
        Browser.Page atMock = toMock(phone, first);
        Browser.Page form = phone.post(MOCK.baseUrl() + "/flow/consent", Map.of("flow", flow(atMock), "decision", "agree"));
        assertThat(form.body()).contains("name=\"idNumber\"");
        Browser.Page face = phone.post(MOCK.baseUrl() + "/flow/person", Map.of("flow", flow(form), "name", "张三",
                "idType", "resident_id", "idNumber", "44520219851231123X", "consent", "yes"));
        JWTClaimsSet firstToken = passAndExchange(phone, first, face);

        assertThat(firstToken.getStringClaim("acr")).isEqualTo("urn:gd:trust:L4");
        assertThat(firstToken.getStringClaim("name")).isEqualTo("张三");
        assertThat(firstToken.getStringClaim("id_number_masked")).isEqualTo("4452**********123X");

        // Returning: the bridge session is gone, 粤信签 still knows the person: no first-time form.
        phone.removeCookie("JYB_SESSION");
        RelyingParty.Request second = RP.newRequest("openid");
        Browser.Page consent = toMock(phone, second);
        Browser.Page faceAgain = phone.post(MOCK.baseUrl() + "/flow/consent", Map.of("flow", flow(consent),
                "decision", "agree"));
        assertThat(faceAgain.body()).doesNotContain("name=\"idNumber\"").contains("value=\"pass\"");
        JWTClaimsSet secondToken = passAndExchange(phone, second, faceAgain);

        assertThat(secondToken.getSubject()).isEqualTo(firstToken.getSubject());
    }

    private static Browser.Page toMock(Browser phone, RelyingParty.Request request) {
        Browser.Page login = phone.follow(phone.get(request.authorizeUrl()), MOCK.baseUrl());
        assertThat(login.body()).contains("/login/yuexinqian");
        Browser.Page toMock = phone.get(BRIDGE + "/login/yuexinqian");
        assertThat(toMock.location()).startsWith(MOCK.baseUrl() + "/authorize?");
        Browser.Page consent = phone.get(toMock.location());
        assertThat(consent.status()).isEqualTo(200);
        return consent;
    }

    private static JWTClaimsSet passAndExchange(Browser phone, RelyingParty.Request request, Browser.Page facePage)
            throws Exception {
        Browser.Page back = phone.post(MOCK.baseUrl() + "/flow/face", Map.of("flow", flow(facePage), "result", "pass"));
        assertThat(back.location()).startsWith(BRIDGE + "/login/yuexinqian/return?");
        Browser.Page atRp = phone.follow(back, RelyingParty.ORIGIN);
        String code = RP.codeFrom(atRp, request);
        return RP.verifiedIdToken(RP.exchange(code, request), request);
    }

    private static String flow(Browser.Page page) {
        Matcher m = FLOW.matcher(page.body());
        assertThat(m.find()).as("flow field in:\n" + page.body()).isTrue();
        return m.group(1);
    }
}
