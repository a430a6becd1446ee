package cn.gov.jieyang.talent.authbridge.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.authbridge.testing.BridgeWithFakeYuexinqian;
import cn.gov.jieyang.talent.authbridge.testing.FakeYuexinqian;
import cn.gov.jieyang.talent.testsupport.http.Browser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, item 8: every page of the bridge forbids inline script and style and framing, sends no
 * Referer (its URLs carry codes, state and transaction ids), and behind a TLS proxy
 * ({@code X-Forwarded-Proto: https} from a trusted address) answers with HSTS and sets only Secure cookies.
 */
class SecurityHeadersIT extends BridgeWithFakeYuexinqian {

    /** Follows no redirect (the default), keeps no cookie: each hop is looked at. */
    private static final HttpClient HTTP = HttpClient.newHttpClient();

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
        HttpResponse<String> door = behindTls("/login/yuexinqian?lang=en", null);
        assertThat(door.statusCode()).isEqualTo(302);
        assertThat(door.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                h -> assertThat(h).contains("max-age="));
        String opener = cookie(door, "JYB_FACE_TXN");
        assertThat(setCookie(door, "JYB_FACE_TXN")).contains("; Secure");
        assertThat(setCookie(door, "JYB_LANG")).contains("; Secure");

        Map<String, String> yxq = Browser.query(door.headers().firstValue("Location").orElseThrow());
        assertThat(FakeYuexinqian.deliver(BRIDGE, YXQ.sign(YXQ.verifiedClaims(yxq.get("txn"), yxq.get("nonce"))
                .build())).statusCode()).isEqualTo(204);
        HttpResponse<String> back = behindTls("/login/yuexinqian/return?state=" + yxq.get("state")
                + "&txn=" + yxq.get("txn"), "JYB_FACE_TXN=" + opener);

        assertThat(setCookie(back, "JYB_SESSION")).as("the bridge session's cookie").contains("; Secure", "HttpOnly");
    }

    @Test
    void overPlainHttpThereIsNoHsts() {
        Browser.Page login = Browser.phone().get(BRIDGE + "/login");

        assertThat(login.response().headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    /** A GET as a TLS-terminating proxy on this host forwards it: the original scheme in X-Forwarded-Proto. */
    private static HttpResponse<String> behindTls(String path, String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BRIDGE + path)).GET()
                .header("User-Agent", Browser.PHONE).header("Accept", "text/html")
                .header("X-Forwarded-Proto", "https");
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String setCookie(HttpResponse<String> response, String name) {
        List<String> found = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(name + "=")).toList();
        assertThat(found).as("Set-Cookie " + name).hasSize(1);
        return found.get(0);
    }

    private static String cookie(HttpResponse<String> response, String name) {
        String header = setCookie(response, name);
        return header.substring(name.length() + 1, header.indexOf(';'));
    }
}
