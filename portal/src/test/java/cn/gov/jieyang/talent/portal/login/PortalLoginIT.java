package cn.gov.jieyang.talent.portal.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.jieyang.talent.portal.PortalOnTheStack;
import cn.gov.jieyang.talent.testsupport.http.Browser;
import cn.gov.jieyang.talent.testsupport.stack.MockYuexinqianProcess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The portal's only way in, over real HTTP: the portal sends the browser to the real auth-bridge
 * (its own process), the person logs in with 粤信签 face verification (the mock 粤信签, its own process),
 * and the portal shows who they are; logging out of the portal ends the bridge session too.
 */
class PortalLoginIT extends PortalOnTheStack {

    /** A valid GB 11643 number no other test of the stack uses. */
    private static final String ID_NUMBER = "44520219851231123X";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPersonLogsInThroughTheBridgeWithTheirFaceAndLogsOutOfBoth() {
        String portal = stack().portalUrl();
        String bridge = stack().bridgeUrl();
        Browser phone = Browser.phone();

        Browser.Page login = phone.follow(phone.get(portal + "/"), stack().yuexinqianUrl());
        assertThat(login.uri().toString()).startsWith(bridge + "/login");
        Browser.Page toYxq = phone.get(bridge + "/login/yuexinqian");
        assertThat(toYxq.location()).startsWith(stack().yuexinqianUrl() + "/authorize?");
        Browser.Page back = MockYuexinqianProcess.passFaceCheckAsNewPerson(phone, toYxq.location(), "张三", ID_NUMBER);
        Browser.Page home = phone.follow(back, null);

        assertThat(home.uri().toString()).startsWith(portal + "/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("您好，张三", "已通过粤信签人脸识别", "4452**********123X")
                .doesNotContain(ID_NUMBER);
        // This person's session (serialised into PostgreSQL) holds the verified ID number only sealed.
        assertThat(phone.cookie("SESSION")).as("the portal's server-side session").isNotNull();
        List<String> serialised = sessionAttributes(phone.cookie("SESSION"));
        assertThat(serialised).isNotEmpty().noneMatch(s -> s.contains(ID_NUMBER))
                .anyMatch(s -> s.contains("id_number_sealed"));

        Matcher csrf = CSRF.matcher(home.body());
        assertThat(csrf.find()).isTrue();
        Browser.Page out = phone.post(portal + "/logout", Map.of("_csrf", csrf.group(1)));
        assertThat(out.location()).startsWith(bridge + "/connect/logout?id_token_hint=");
        Browser.Page after = phone.follow(out, stack().yuexinqianUrl());

        // Back at the portal, which sends the person to the bridge's login page again: both sessions are gone.
        assertThat(after.uri().toString()).startsWith(bridge + "/login");
        assertThat(phone.get(bridge + "/").location()).endsWith("/login");
    }

    /**
     * Issue 9, finding 7: a logout at the bridge (its own page here; another relying party alike) did
     * not end the portal session. Now the bridge tells the portal by back-channel logout.
     */
    @Test
    void aLogoutAtTheBridgeEndsThePortalSession() {
        String portal = stack().portalUrl();
        String bridge = stack().bridgeUrl();
        Browser phone = Browser.phone();
        phone.follow(phone.get(portal + "/"), stack().yuexinqianUrl());
        Browser.Page toYxq = phone.get(bridge + "/login/yuexinqian");
        Browser.Page home = phone.follow(
                MockYuexinqianProcess.passFaceCheckAsNewPerson(phone, toYxq.location(), "李四", "445202198703152411"), null);
        assertThat(home.body()).contains("您好，李四");
        String sessionId = new String(Base64.getDecoder().decode(phone.cookie("SESSION")), StandardCharsets.UTF_8);

        Browser.Page bridgeHome = phone.get(bridge + "/");
        Matcher csrf = CSRF.matcher(bridgeHome.body());
        assertThat(csrf.find()).as(bridgeHome.body()).isTrue();
        assertThat(phone.post(bridge + "/logout", Map.of("_csrf", csrf.group(1))).status()).isEqualTo(302);

        // The bridge sends the logout token after answering the browser: wait for the portal to act on it.
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from spring_session where session_id = :id").param("id", sessionId)
                .query(Integer.class).single() == 0);
        Browser.Page again = phone.get(portal + "/");
        assertThat(again.status()).isEqualTo(302);
        assertThat(again.location()).endsWith("/oauth2/authorization/auth-bridge");
    }

    /** Nobody but the bridge ends a portal session: an unsigned or garbled logout token is refused. */
    @Test
    void refusesALogoutTokenTheBridgeDidNotSign() {
        String endpoint = stack().portalUrl() + "/logout/connect/back-channel/auth-bridge";
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\",\"typ\":\"logout+jwt\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"iss\":\"" + stack().bridgeUrl()
                + "\",\"aud\":\"portal\",\"sub\":\"p-x\",\"sid\":\"s\",\"jti\":\"j\",\"iat\":1,"
                + "\"events\":{\"" + "http://schemas.openid.net/event/backchannel-logout\":{}}}")
                .getBytes(StandardCharsets.UTF_8)) + ".";

        for (String token : List.of(unsigned, "not-a-jwt")) {
            Browser.Page p = Browser.phone().post(endpoint, Map.of("logout_token", token));
            assertThat(p.status()).as(token).isEqualTo(400);
            assertThat(p.body()).contains("invalid_request");
        }
    }

    @Test
    void refusesAFormPostWithoutCsrfToken() {
        Browser phone = Browser.phone();

        Browser.Page p = phone.post(stack().portalUrl() + "/logout", Map.of());

        // Refused outright (the CSRF filter runs before anything else), not sent on to the bridge's logout.
        assertThat(p.status()).isEqualTo(403);
        assertThat(p.location()).isNull();
    }

    /** The stored attributes of the session a SESSION cookie (base64 of the session id) names, as text. */
    private List<String> sessionAttributes(String sessionCookie) {
        String sessionId = new String(Base64.getDecoder().decode(sessionCookie), StandardCharsets.UTF_8);
        return jdbc.sql("select a.attribute_bytes from spring_session_attributes a join spring_session s"
                        + " on s.primary_id = a.session_primary_id where s.session_id = ?")
                .param(sessionId).query((rs, n) -> new String(rs.getBytes(1), StandardCharsets.ISO_8859_1)).list();
    }
}
