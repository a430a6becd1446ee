package cn.gov.jieyang.talent.authbridge.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.authbridge.testing.BridgeWithFakeYuexinqian;
import cn.gov.jieyang.talent.authbridge.testing.RelyingParty;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * What a caller flooding the bridge sees: 429 with Retry-After once its budget is spent, while another
 * client keeps its own budget. Limits are lowered here so a few requests reach them.
 */
@TestPropertySource(properties = {"bridge.rate-limit.token-per-second=1", "bridge.rate-limit.token-burst=5",
        "bridge.rate-limit.login-per-second=1", "bridge.rate-limit.login-burst=5"})
class RateLimitIT extends BridgeWithFakeYuexinqian {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aClientFloodingTheTokenEndpointGets429WithRetryAfterAndAnotherClientDoesNot() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> last = null;
        for (int i = 0; i < 8; i++) {
            last = RP.tokenWithSecret("made-up-" + i, RelyingParty.random(), "wrong");
            statuses.add(last.statusCode());
        }

        assertThat(statuses.subList(0, 5)).containsOnly(401);
        assertThat(statuses.get(7)).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(v ->
                assertThat(Integer.parseInt(v)).isBetween(1, 2));
        assertThat(RelyingParty.demo(BRIDGE).tokenWithSecret("made-up", RelyingParty.random(), "wrong")
                .statusCode()).isEqualTo(401);
    }

    @Test
    void anAddressOpeningFaceTransactionsInAFloodGets429() throws Exception {
        int last = 0;
        for (int i = 0; i < 8; i++) {
            last = HTTP.send(HttpRequest.newBuilder(URI.create(BRIDGE + "/login/yuexinqian"))
                    .header("Accept-Language", "en").GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        }
        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(BRIDGE + "/login/yuexinqian"))
                .header("Accept-Language", "zh-CN").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(last).isEqualTo(429);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("请求过于频繁");
    }
}
