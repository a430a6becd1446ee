package cn.gov.jieyang.talent.authbridge.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.authbridge.testing.BridgeWithFakeYuexinqian;
import cn.gov.jieyang.talent.authbridge.testing.RelyingParty;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What a caller flooding the token endpoint sees: 429 with Retry-After once its budget (the default
 * burst of 200) is spent, while another client keeps its own budget. It claims a client id of its own
 * so the shared test context's other clients keep theirs.
 */
class RateLimitIT extends BridgeWithFakeYuexinqian {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aClientFloodingTheTokenEndpointGets429WithRetryAfterAndAnotherClientDoesNot() throws Exception {
        HttpResponse<String> first = token("flood-probe");
        HttpResponse<String> last = first;
        for (int i = 0; i < 2000 && last.statusCode() != 429; i++) {
            last = token("flood-probe");
        }

        assertThat(first.statusCode()).isEqualTo(401);
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(v ->
                assertThat(Integer.parseInt(v)).isBetween(1, 2));
        assertThat(RP.tokenWithSecret("made-up", RelyingParty.random(), "wrong")
                .statusCode()).isEqualTo(401);
    }

    private static HttpResponse<String> token(String clientId) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(BRIDGE + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (clientId + ":wrong").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=x"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
