package cn.gov.jieyang.talent.mockyxq.authorize;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.mockyxq.Browser;
import cn.gov.jieyang.talent.mockyxq.RunningMockTestBase;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A person clicking through the pages, and what the bridge (WireMock) and the browser get. */
class LoginFlowIT extends RunningMockTestBase {

    @Test
    void firstTimePersonWhoPassesReturnsWithStateAndTxnAndTheBridgeGetsOneVerifiedSignedCallback() throws Exception {
        Browser browser = newBrowser();
        AuthorizeParams params = freshParams();
        Instant before = Instant.now().minusSeconds(1);

        HttpResponse<String> back = loginAsNewPerson(browser, params, "pass");

        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location")).hasValue(
                REDIRECT_URI + "?state=" + params.state() + "&txn=" + params.txn());

        List<LoggedRequest> callbacks = callbacksReceived();
        assertThat(callbacks).hasSize(1);
        assertThat(callbacks.get(0).getHeader("Content-Type")).isEqualTo("application/jose");
        SignedJWT jwt = parse(callbacks.get(0));
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
        assertThat(jwt.getHeader().getType().getType()).isEqualTo("yxq-callback+jwt");
        assertThat(jwt.getHeader().getKeyID()).isNotBlank();
        assertThat(verifiesAgainstPublishedKeys(jwt)).isTrue();

        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getAudience()).containsExactly(APP_ID);
        assertThat(claims.getIssueTime()).isAfterOrEqualTo(java.util.Date.from(before));
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isPositive().isLessThanOrEqualTo(Duration.ofSeconds(120));
        assertThat(claims.getJWTID()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(claims.getStringClaim("txn")).isEqualTo(params.txn());
        assertThat(claims.getStringClaim("nonce")).isEqualTo(params.nonce());
        assertThat(claims.getStringClaim("outcome")).isEqualTo("verified");
        assertThat(claims.getStringClaim("name")).isEqualTo("张三");
        assertThat(claims.getStringClaim("id_type")).isEqualTo("resident_id");
        assertThat(claims.getStringClaim("id_number")).isEqualTo(VALID_ID);
        assertThat(claims.getLongClaim("verified_at")).isBetween(before.getEpochSecond(), Instant.now().getEpochSecond());
        assertThat(claims.getStringClaim("trust_level")).isEqualTo("L4");
        assertThat(claims.getClaims().keySet()).containsExactlyInAnyOrder("iss", "aud", "iat", "exp", "jti", "txn",
                "nonce", "outcome", "name", "id_type", "id_number", "verified_at", "trust_level");
    }

    @Test
    void firstTimeFormRemembersThePersonWithAnHttpOnlySameSiteLaxCookie() {
        Browser browser = newBrowser();
        HttpResponse<String> form = agree(browser, freshParams());

        HttpResponse<String> face = browser.post("/flow/person", Map.of("flow", Browser.flowId(form), "name", "李四",
                "idType", "resident_id", "idNumber", "440101199001011233", "consent", "yes"));

        String setCookie = face.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("yxq_person=").contains("HttpOnly").contains("SameSite=Lax").contains("Path=/");
        assertThat(face.body()).contains("李四").contains("4401**********1233").doesNotContain("440101199001011233");
    }

    @Test
    void returningPersonSkipsTheFirstTimeFormAndIsVerifiedAsBefore() throws Exception {
        Browser browser = newBrowser();
        loginAsNewPerson(browser, freshParams(), "pass");
        BRIDGE.resetRequests();

        AuthorizeParams second = freshParams();
        HttpResponse<String> face = agree(browser, second);

        assertThat(face.body()).contains("value=\"pass\"").doesNotContain("name=\"idNumber\"");
        HttpResponse<String> back = clickFace(browser, face, "pass");
        assertThat(back.headers().firstValue("Location")).hasValue(
                REDIRECT_URI + "?state=" + second.state() + "&txn=" + second.txn());
        JWTClaimsSet claims = parse(callbacksReceived().get(0)).getJWTClaimsSet();
        assertThat(claims.getStringClaim("id_number")).isEqualTo(VALID_ID);
        assertThat(claims.getStringClaim("txn")).isEqualTo(second.txn());
    }

    @Test
    void unknownPersonCookieIsTreatedAsAFirstVisit() {
        Browser browser = newBrowser();
        browser.setCookie("yxq_person", "no-such-person");

        HttpResponse<String> next = agree(browser, freshParams());

        assertThat(next.body()).contains("name=\"idNumber\"");
    }

    @Test
    void failedFaceCheckSendsAFailedCallbackWithoutIdentityAndReturnsVerificationFailed() throws Exception {
        AuthorizeParams params = freshParams();

        HttpResponse<String> back = loginAsNewPerson(newBrowser(), params, "fail");

        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location")).hasValue(
                REDIRECT_URI + "?state=" + params.state() + "&txn=" + params.txn() + "&error=verification_failed");
        List<LoggedRequest> callbacks = callbacksReceived();
        assertThat(callbacks).hasSize(1);
        SignedJWT jwt = parse(callbacks.get(0));
        assertThat(verifiesAgainstPublishedKeys(jwt)).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getStringClaim("outcome")).isEqualTo("failed");
        assertThat(claims.getStringClaim("txn")).isEqualTo(params.txn());
        assertThat(claims.getClaims()).doesNotContainKeys("name", "id_type", "id_number");
    }

    @Test
    void cancelSendsNoCallbackAndReturnsCancelled() {
        AuthorizeParams params = freshParams();

        HttpResponse<String> back = loginAsNewPerson(newBrowser(), params, "cancel");

        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location")).hasValue(
                REDIRECT_URI + "?state=" + params.state() + "&txn=" + params.txn() + "&error=cancelled");
        assertThat(callbacksReceived()).isEmpty();
    }

    @Test
    void declineOnTheConsentPageIsACancel() {
        Browser browser = newBrowser();
        AuthorizeParams params = freshParams();
        HttpResponse<String> consent = browser.get(authorizePath(params));

        HttpResponse<String> back = browser.post("/flow/consent", Map.of("flow", Browser.flowId(consent), "decision", "decline"));

        assertThat(back.headers().firstValue("Location")).hasValue(
                REDIRECT_URI + "?state=" + params.state() + "&txn=" + params.txn() + "&error=cancelled");
        assertThat(callbacksReceived()).isEmpty();
    }

    @Test
    void aFinishedLoginCannotBeFinishedAgain() {
        Browser browser = newBrowser();
        HttpResponse<String> face = reachFaceCheckAsNewPerson(browser, freshParams(), "张三", VALID_ID);
        clickFace(browser, face, "pass");

        HttpResponse<String> again = clickFace(browser, face, "pass");

        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.headers().firstValue("Location")).isEmpty();
        assertThat(again.body()).contains("此登录请求已过期或已完成");
        assertThat(callbacksReceived()).hasSize(1);
    }

    @Test
    void idNumberWithAWrongCheckDigitIsRefusedWithAFieldErrorAndCanBeCorrected() {
        Browser browser = newBrowser();
        HttpResponse<String> form = agree(browser, freshParams());
        String flow = Browser.flowId(form);

        HttpResponse<String> refused = browser.post("/flow/person", Map.of("flow", flow, "name", "王五",
                "idType", "resident_id", "idNumber", "445201199003071231", "consent", "yes"));

        assertThat(refused.body())
                .contains("id=\"idNumber-error\"")
                .contains("证件号码校验位（最后一位）不正确")
                .contains("The check digit (the last character) does not match")
                .doesNotContain("id=\"name-error\"")
                .doesNotContain("value=\"pass\"");
        assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(browser.cookie("yxq_person")).isEmpty();

        HttpResponse<String> corrected = browser.post("/flow/person", Map.of("flow", flow, "name", "王五",
                "idType", "resident_id", "idNumber", VALID_ID.toLowerCase(), "consent", "yes"));
        assertThat(corrected.body()).contains("value=\"pass\"");
    }

    @Test
    void formShowsAnErrorForEachBadField() {
        Browser browser = newBrowser();
        HttpResponse<String> form = agree(browser, freshParams());

        HttpResponse<String> refused = browser.post("/flow/person", Map.of("flow", Browser.flowId(form), "name", "王",
                "idType", "resident_id", "idNumber", "445201199002301234"));

        assertThat(refused.body())
                .contains("id=\"name-error\"").contains("id=\"idNumber-error\"").contains("id=\"consent-error\"")
                .contains("出生日期").contains("请勾选同意");
    }

    @Test
    void pagesAreChineseWithEnglishSubtitles() {
        HttpResponse<String> consent = newBrowser().get(authorizePath(freshParams()));

        assertThat(consent.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(consent.body())
                .contains("<html lang=\"zh-CN\">")
                .contains(APP_NAME + "请求使用人脸识别登录")
                .contains(APP_NAME + " requests face verification login")
                .contains("name=\"viewport\"");
    }

    @Test
    void notYouOnTheFaceCheckLeadsBackToTheForm() {
        Browser browser = newBrowser();
        HttpResponse<String> face = reachFaceCheckAsNewPerson(browser, freshParams(), "张三", VALID_ID);

        HttpResponse<String> form = browser.post("/flow/switch-person", Map.of("flow", Browser.flowId(face)));

        assertThat(form.body()).contains("name=\"idNumber\"");
    }
}
