package cn.gov.jieyang.talent.portal.login;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.authbridge.testing.Browser;
import cn.gov.jieyang.talent.authbridge.testing.FakeYuexinqian;
import cn.gov.jieyang.talent.authbridge.testing.FreePorts;
import cn.gov.jieyang.talent.authbridge.testing.RelyingParty;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The portal's only way in, over real HTTP: the portal sends the browser to the real auth-bridge
 * (its own process), the person logs in with 粤信签 face verification (粤信签 played at the process
 * boundary), and the portal shows who they are; logging out of the portal ends the bridge session too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class PortalLoginIT {

    @Autowired
    JdbcClient jdbc;

    private static final int PORT = FreePorts.next();
    private static final String PORTAL = "http://127.0.0.1:" + PORT;
    private static final FakeYuexinqian YXQ = new FakeYuexinqian();
    private static final RealBridge BRIDGE = new RealBridge(FreePorts.next(), YXQ.baseUrl(), PORT);
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("server.port", () -> PORT);
        r.add("portal.bridge.base-url", BRIDGE::baseUrl);
    }

    @AfterAll
    static void stop() {
        BRIDGE.close();
        YXQ.close();
    }

    @Test
    void aPersonLogsInThroughTheBridgeWithTheirFaceAndLogsOutOfBoth() {
        Browser phone = Browser.phone();

        Browser.Page login = phone.follow(phone.get(PORTAL + "/"), YXQ.baseUrl());
        assertThat(login.uri().toString()).startsWith(BRIDGE.baseUrl() + "/login");
        Browser.Page toYxq = phone.get(BRIDGE.baseUrl() + "/login/yuexinqian");
        Map<String, String> txn = RelyingParty.query(toYxq.location());
        assertThat(FakeYuexinqian.deliver(BRIDGE.baseUrl(), YXQ.sign(YXQ.verifiedClaims(txn.get("txn"),
                txn.get("nonce")).build())).statusCode()).isEqualTo(204);
        Browser.Page home = phone.follow(phone.get(BRIDGE.baseUrl() + "/login/yuexinqian/return?state="
                + txn.get("state") + "&txn=" + txn.get("txn")), null);

        assertThat(home.uri().toString()).startsWith(PORTAL + "/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("您好，张三", "已通过粤信签人脸识别", "4452**********123X")
                .doesNotContain(FakeYuexinqian.ID_NUMBER);
        // The session (serialised into PostgreSQL) holds the verified ID number only sealed, never in clear.
        List<byte[]> sessionData = jdbc.sql("select attribute_bytes from spring_session_attributes")
                .query((rs, n) -> rs.getBytes(1)).list();
        List<String> serialised = sessionData.stream().map(b -> new String(b, StandardCharsets.ISO_8859_1)).toList();
        assertThat(serialised).noneMatch(s -> s.contains(FakeYuexinqian.ID_NUMBER))
                .anyMatch(s -> s.contains("id_number_sealed"));
        assertThat(phone.cookie("SESSION")).as("the portal's server-side session").isNotNull();

        Matcher csrf = CSRF.matcher(home.body());
        assertThat(csrf.find()).isTrue();
        Browser.Page out = phone.post(PORTAL + "/logout", Map.of("_csrf", csrf.group(1)));
        assertThat(out.location()).startsWith(BRIDGE.baseUrl() + "/connect/logout?id_token_hint=");
        Browser.Page back = phone.follow(out, YXQ.baseUrl());

        // Back at the portal, which sends the person to the bridge's login page again: both sessions are gone.
        assertThat(back.uri().toString()).startsWith(BRIDGE.baseUrl() + "/login");
        assertThat(phone.get(BRIDGE.baseUrl() + "/").location()).endsWith("/login");
    }

    @Test
    void refusesAFormPostWithoutCsrfToken() {
        Browser phone = Browser.phone();

        Browser.Page p = phone.post(PORTAL + "/logout", Map.of());

        // Refused outright (the CSRF filter runs before anything else), not sent on to the bridge's logout.
        assertThat(p.status()).isEqualTo(403);
        assertThat(p.location()).isNull();
    }
}
