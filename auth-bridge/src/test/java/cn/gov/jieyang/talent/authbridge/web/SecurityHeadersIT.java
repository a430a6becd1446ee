package cn.gov.jieyang.talent.authbridge.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.authbridge.testing.BridgeWithFakeYuexinqian;
import cn.gov.jieyang.talent.authbridge.testing.FakeYuexinqian;
import cn.gov.jieyang.talent.testsupport.http.Browser;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, item 8: every page of the bridge forbids inline script and style and framing, sends no
 * Referer (its URLs carry codes, state and transaction ids), and behind a TLS proxy
 * ({@code X-Forwarded-Proto: https} from a trusted address) answers with HSTS and sets only Secure cookies.
 */
class SecurityHeadersIT extends BridgeWithFakeYuexinqian {

    @Test
    void everyKindOfPageHasAStrictPolicyAndNoReferrer() {
        Browser phone = Browser.phone();
        Map<String, Browser.Page> pages = Map.of(
                "login", phone.get(BRIDGE + "/login"),
                "QR page", new Browser(Browser.DESKTOP).get(BRIDGE + "/login/yuexinqian"),
                "face error", phone.get(BRIDGE + "/login/yuexinqian/return"),
                "container error page", phone.get(BRIDGE + "/connect/logout?id_token_hint=not-a-token"));
        assertThat(pages.get("login").status()).isEqualTo(200);
        assertThat(pages.get("QR page").body()).contains("<svg");
        assertThat(pages.get("face error").status()).isGreaterThanOrEqualTo(400);
        assertThat(pages.get("container error page").status()).isEqualTo(400);

        pages.forEach((name, page) -> {
            String csp = page.response().headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(name).contains("default-src 'self'", "script-src 'self'", "style-src 'self'",
                            "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'",
                            // The phone's number form is answered with a redirect to 粤信签.
                            "form-action 'self' " + YXQ.baseUrl())
                    .doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(page.response().headers().firstValue("Referrer-Policy")).as(name).hasValue("no-referrer");
        });
    }

    @Test
    void behindATlsProxyTheBridgeSendsHstsAndSetsOnlySecureCookies() {
        Browser.Page door = behindTls("/login/yuexinqian?lang=en", Map.of());
        assertThat(door.status()).isEqualTo(302);
        assertThat(door.response().headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                h -> assertThat(h).contains("max-age="));
        assertThat(door.setCookie("JYB_FACE_TXN")).contains("; Secure");
        assertThat(door.setCookie("JYB_LANG")).contains("; Secure");

        Map<String, String> yxq = Browser.query(door.location());
        assertThat(FakeYuexinqian.deliver(BRIDGE, YXQ.sign(YXQ.verifiedClaims(yxq.get("txn"), yxq.get("nonce"))
                .build())).statusCode()).isEqualTo(204);
        String opener = door.setCookie("JYB_FACE_TXN").split(";", 2)[0];
        Browser.Page back = behindTls("/login/yuexinqian/return?state=" + yxq.get("state") + "&txn=" + yxq.get("txn"),
                Map.of("Cookie", opener));

        assertThat(back.setCookie("JYB_SESSION")).as("the bridge session's cookie").contains("; Secure", "HttpOnly");
    }

    @Test
    void overPlainHttpThereIsNoHsts() {
        Browser.Page login = Browser.phone().get(BRIDGE + "/login");

        assertThat(login.response().headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    /**
     * A GET as a TLS-terminating proxy on this host forwards it: the original scheme in X-Forwarded-Proto.
     * A fresh browser each time: a Secure cookie it kept would not go back over http:// to the test's bridge.
     */
    private static Browser.Page behindTls(String path, Map<String, String> headers) {
        Map<String, String> forwarded = new HashMap<>(headers);
        forwarded.put("X-Forwarded-Proto", "https");
        return Browser.phone().get(BRIDGE + path, forwarded);
    }
}
