package cn.gov.jieyang.talent.mockyxq.authorize;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.mockyxq.Browser;
import cn.gov.jieyang.talent.mockyxq.RunningMockTestBase;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Requests the mock must refuse with an error page, never with a redirect and never with a callback. */
class RefusedRequestsIT extends RunningMockTestBase {

    @Test
    void unregisteredRedirectUriIsAnErrorPageAndNeverARedirect() {
        AuthorizeParams p = freshParams();
        HttpResponse<String> page = newBrowser().get("/authorize?app_id=" + APP_ID
                + "&redirect_uri=http://127.0.0.1:9000/login/yuexinqian/return/evil"
                + "&state=" + p.state() + "&nonce=" + p.nonce() + "&txn=" + p.txn());

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("Location")).isEmpty();
        assertThat(page.body()).contains("redirect_uri").doesNotContain("Exception").doesNotContain("at cn.gov");
    }

    @Test
    void unknownAppIsAnErrorPageAndNeverARedirect() {
        AuthorizeParams p = freshParams();
        HttpResponse<String> page = newBrowser().get(authorizePath(p).replace("app_id=" + APP_ID, "app_id=someone-else"));

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("Location")).isEmpty();
        assertThat(page.body()).contains("app_id");
    }

    @Test
    void malformedMissingOrRepeatedParametersAreErrorPages() {
        AuthorizeParams p = freshParams();
        String good = authorizePath(p);
        Browser browser = newBrowser();

        assertThat(browser.get(good.replace(p.state(), "short")).statusCode()).isEqualTo(400);
        assertThat(browser.get(good.replace(p.nonce(), p.nonce() + "%20x")).statusCode()).isEqualTo(400);
        assertThat(browser.get(good.replace("&txn=" + p.txn(), "")).statusCode()).isEqualTo(400);
        assertThat(browser.get(good + "&state=" + p.state()).statusCode()).isEqualTo(400);
        assertThat(browser.get(good.replace(p.txn(), "x".repeat(129))).statusCode()).isEqualTo(400);
        assertThat(browser.get(good).statusCode()).isEqualTo(200);
    }

    @Test
    void unknownFlowIdIsAnErrorPage() {
        HttpResponse<String> page = newBrowser().post("/flow/face", Map.of("flow", "not-a-flow", "result", "pass"));

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("Location")).isEmpty();
        assertThat(callbacksReceived()).isEmpty();
    }

    @Test
    void errorPagesShowNoInternals() {
        HttpResponse<String> page = newBrowser().post("/flow/face", Map.of("flow", "x", "result", "explode"));

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("请求不完整或格式错误").doesNotContain("Exception").doesNotContain("at cn.gov");
    }

    @Test
    void unknownPathsAndMethodsAreFriendlyPagesToo() {
        assertThat(newBrowser().get("/no-such-page").statusCode()).isEqualTo(404);
        HttpResponse<String> wrongMethod = newBrowser().get("/flow/face");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.body()).contains("不能以这种方式使用此页面");
    }
}
