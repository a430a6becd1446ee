package cn.gov.jieyang.talent.mockyxq.testcontrol;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.mockyxq.Browser;
import cn.gov.jieyang.talent.mockyxq.RunningMockTestBase;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each switch of docs/yuexinqian-protocol.md section 6, flipped over HTTP as a bridge test would. */
class FailureSwitchesIT extends RunningMockTestBase {

    @Test
    void neverSendsNoCallbackButStillSendsTheBrowserBack() {
        putMode("{\"callback\":\"never\"}");
        AuthorizeParams params = freshParams();

        HttpResponse<String> back = loginAsNewPerson(newBrowser(), params, "pass");

        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location")).hasValue(
                REDIRECT_URI + "?state=" + params.state() + "&txn=" + params.txn());
        assertThat(callbacksReceived()).isEmpty();
    }

    @Test
    void twiceSendsTheIdenticalJwsTwice() {
        putMode("{\"callback\":\"twice\"}");

        loginAsNewPerson(newBrowser(), freshParams(), "pass");

        List<LoggedRequest> callbacks = callbacksReceived();
        assertThat(callbacks).hasSize(2);
        assertThat(callbacks.get(1).getBodyAsString()).isEqualTo(callbacks.get(0).getBodyAsString());
        assertThat(verifiesAgainstPublishedKeys(parse(callbacks.get(0)))).isTrue();
    }

    @Test
    void lateSendsAValidlySignedButAlreadyExpiredJws() throws Exception {
        putMode("{\"callback\":\"late\"}");

        loginAsNewPerson(newBrowser(), freshParams(), "pass");

        SignedJWT jwt = parse(callbacksReceived().get(0));
        assertThat(verifiesAgainstPublishedKeys(jwt)).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getExpirationTime()).isBefore(Date.from(Instant.now().minusSeconds(300)));
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isLessThanOrEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void wrongKeySignsWithAKeyThatIsNotInTheJwks() throws Exception {
        putMode("{\"callback\":\"wrong_key\"}");

        loginAsNewPerson(newBrowser(), freshParams(), "pass");

        SignedJWT jwt = parse(callbacksReceived().get(0));
        assertThat(publishedKeys().getKeyByKeyId(jwt.getHeader().getKeyID())).isNull();
        assertThat(verifiesAgainstPublishedKeys(jwt)).isFalse();
        // Everything else is right: only the key is wrong.
        SignedJWT withRightKid = new SignedJWT(
                new com.nimbusds.jose.JWSHeader.Builder(jwt.getHeader())
                        .keyID(publishedKeys().getKeys().get(0).getKeyID()).build().toBase64URL(),
                jwt.getPayload().toBase64URL(), jwt.getSignature());
        assertThat(verifiesAgainstPublishedKeys(withRightKid)).isFalse();
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly(APP_ID);
    }

    @Test
    void wrongAudienceAddressesTheCallbackToAnotherApp() throws Exception {
        putMode("{\"callback\":\"wrong_audience\"}");

        loginAsNewPerson(newBrowser(), freshParams(), "pass");

        SignedJWT jwt = parse(callbacksReceived().get(0));
        assertThat(verifiesAgainstPublishedKeys(jwt)).isTrue();
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("some-other-app");
    }

    @Test
    void jwksErrorAnswers500UntilReset() {
        putMode("{\"jwks\":\"error\"}");
        Browser browser = newBrowser();

        assertThat(browser.get("/jwks").statusCode()).isEqualTo(500);

        assertThat(delete().statusCode()).isEqualTo(204);
        assertThat(browser.get("/jwks").statusCode()).isEqualTo(200);
    }

    @Test
    void delayHoldsBackAuthorizeAndJwks() {
        putMode("{\"delayMillis\":700}");
        Browser browser = newBrowser();

        long start = System.nanoTime();
        assertThat(browser.get("/jwks").statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(700));

        start = System.nanoTime();
        assertThat(browser.get(authorizePath(freshParams())).statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
    }

    @Test
    void putReplacesTheWholeModeAndGetShowsIt() {
        HttpResponse<String> set = putMode("{\"callback\":\"twice\",\"jwks\":\"error\",\"delayMillis\":5}");
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(set.body()).isEqualTo("{\"callback\":\"twice\",\"jwks\":\"error\",\"delayMillis\":5}");

        putMode("{\"callback\":\"late\"}");

        assertThat(newBrowser().get("/test-control/mode").body())
                .isEqualTo("{\"callback\":\"late\",\"jwks\":\"normal\",\"delayMillis\":0}");
    }

    @Test
    void unknownValuesAreRefusedAndChangeNothing() {
        putMode("{\"callback\":\"twice\"}");

        for (String bad : List.of("{\"callback\":\"sometimes\"}", "{\"jwks\":\"ERROR\"}", "{\"delayMillis\":60001}",
                "{\"delayMillis\":-1}", "{\"delayMillis\":\"5\"}", "{\"callbacks\":\"never\"}", "not json", "[]")) {
            HttpResponse<String> refused = putMode(bad);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.body()).as(bad).contains("\"error\":\"invalid_request\"");
        }
        assertThat(newBrowser().get("/test-control/mode").body()).contains("\"callback\":\"twice\"");
    }

    @Test
    void deleteResetsEverySwitch() {
        putMode("{\"callback\":\"never\",\"jwks\":\"error\",\"delayMillis\":10}");

        assertThat(delete().statusCode()).isEqualTo(204);

        assertThat(newBrowser().get("/test-control/mode").body())
                .isEqualTo("{\"callback\":\"normal\",\"jwks\":\"normal\",\"delayMillis\":0}");
    }

    private HttpResponse<String> putMode(String json) {
        return newBrowser().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/test-control/mode"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> delete() {
        return newBrowser().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/test-control/mode")).DELETE());
    }
}
