package cn.gov.jieyang.talent.authbridge.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.jieyang.talent.authbridge.AuthBridgeApplication;
import cn.gov.jieyang.talent.testsupport.keycloak.KeycloakAdmin;
import cn.gov.jieyang.talent.testsupport.keycloak.KeycloakExtension;
import cn.gov.jieyang.talent.testsupport.http.Browser;
import cn.gov.jieyang.talent.authbridge.testing.FakeYuexinqian;
import cn.gov.jieyang.talent.testsupport.process.FreePorts;
import cn.gov.jieyang.talent.authbridge.testing.RelyingParty;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.HtmlUtils;

/**
 * The account-and-password door through a real Keycloak (started by the test suite from its Maven
 * Central distribution): individuals and enterprises get bridge ID tokens with their roles, an
 * enterprise its USCI; a wrong password and a locked account are told so by Keycloak.
 */
@ExtendWith(KeycloakExtension.class)
@SpringBootTest(classes = AuthBridgeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class PasswordLoginIT {

    private static final int PORT = FreePorts.next();
    private static final String BRIDGE = "http://127.0.0.1:" + PORT;
    private static final FakeYuexinqian YXQ = new FakeYuexinqian();
    private static final RelyingParty RP = new RelyingParty(BRIDGE);
    private static final Pattern LOGIN_ACTION = Pattern.compile("<form\\b[^>]*\\bid=\"kc-form-login\"[^>]*\\baction=\"([^\"]*)\"");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("server.port", () -> PORT);
        r.add("bridge.session.issuer", () -> BRIDGE);
        r.add("bridge.yuexinqian.base-url", YXQ::baseUrl);
        r.add("bridge.keycloak.base-url", () -> KeycloakExtension.server().baseUrl().toString());
    }

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void registerThisBridgeWithKeycloak() {
        KeycloakExtension.server().admin().allowBridgeOn(PORT);
    }

    @Test
    void anIndividualLogsInWithAPasswordAndTheRelyingPartyGetsAPasswordLevelIdToken() throws Exception {
        JWTClaimsSet c = loginAndGetIdToken("zhang.san", "Zhangsan#2026");

        assertThat(c.getStringClaim("acr")).isEqualTo("urn:gd:trust:L2");
        assertThat(c.getStringListClaim("amr")).containsExactly("pwd");
        assertThat(c.getStringClaim("subject_type")).isEqualTo("individual");
        assertThat(c.getStringListClaim("roles")).contains("individual");
        assertThat(c.getSubject()).startsWith("u-");
        assertThat(c.getStringClaim("name")).isEqualTo("张三");
        assertThat(c.getClaim("usci")).isNull();
        // The audit trail: the password door, under the account's opaque subject, for the relying party.
        assertThat(jdbc.sql("select detail from audit_event where event_type = 'LoginSucceeded' and actor_subject = ?")
                .param(c.getSubject()).query(String.class).list())
                .anyMatch(d -> d.startsWith("door=password acr=urn:gd:trust:L2 sid=") && d.endsWith(" client=demo-rp"));
    }

    @Test
    void anEnterpriseLogsInAndItsUsciArrivesInTheIdToken() throws Exception {
        JWTClaimsSet c = loginAndGetIdToken("jieyang-tech", "Enterprise#2026");

        assertThat(c.getStringClaim("subject_type")).isEqualTo("enterprise");
        assertThat(c.getStringListClaim("roles")).contains("enterprise");
        assertThat(c.getStringClaim("usci")).matches("[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}");
        assertThat(c.getSubject()).startsWith("e-");
        assertThat(c.getStringClaim("name")).isEqualTo("揭阳示例科技有限公司");
    }

    @Test
    void aWrongPasswordIsToldSoAndGivesNoSession() {
        String user = KeycloakAdmin.uniqueUsername("wrongpw");
        KeycloakExtension.server().admin().createUser(user, "Right#2026", "individual");
        Browser b = Browser.phone();

        Browser.Page after = submitPassword(b, keycloakLoginPage(b), user, "Wrong#2026");

        assertThat(after.status()).isEqualTo(200);
        // The browser asks for Chinese first; Keycloak answers in it.
        assertThat(feedback(after)).contains("无效的用户名或密码");
        assertThat(b.cookie("JYB_SESSION")).isNull();
    }

    @Test
    void keycloaksPageSpeaksTheLanguageChosenOnTheBridge() {
        Browser b = Browser.phone();
        b.get(BRIDGE + "/login?lang=en");
        String user = KeycloakAdmin.uniqueUsername("lang");
        KeycloakExtension.server().admin().createUser(user, "Right#2026", "individual");

        Browser.Page after = submitPassword(b, keycloakLoginPage(b), user, "Wrong#2026");

        // The browser asks for Chinese; the person chose English on the bridge's sign-in page.
        assertThat(feedback(after)).contains("Invalid username or password");
    }

    @Test
    void aLockedAccountIsRefusedEvenWithTheRightPassword() {
        var admin = KeycloakExtension.server().admin();
        String user = KeycloakAdmin.uniqueUsername("locked");
        admin.createUser(user, "Right#2026", "individual");
        Browser b = Browser.phone();
        // The realm's failureFactor (keycloak/README.md): the 10th wrong password in a row locks for 5 s.
        for (int i = 0; i < 10; i++) {
            submitPassword(b, keycloakLoginPage(b), user, "Wrong#2026-" + i);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.bruteForceStatus(user).get("disabled").asBoolean());

        Browser.Page after = submitPassword(b, keycloakLoginPage(b), user, "Right#2026");

        assertThat(after.status()).isEqualTo(200);
        assertThat(feedback(after)).isNotBlank();
        assertThat(b.cookie("JYB_SESSION")).isNull();

        admin.clearBruteForce(user);
        Browser.Page unlocked = b.follow(submitPassword(b, keycloakLoginPage(b), user, "Right#2026"), null);
        assertThat(b.cookie("JYB_SESSION")).isNotNull();
        assertThat(unlocked.body()).contains("urn:gd:trust:L2");
    }

    /**
     * Step-up by the same person through the real Keycloak: zhang.san's account has his ID number on
     * record (realm attribute {@code id_number}); the password session does not show it, and a face
     * check that verifies that number makes the session face-verified under the account's subject.
     */
    @Test
    void theAccountHoldersFaceStepsUpThePasswordSessionUnderTheAccountsSubject() throws Exception {
        Browser b = Browser.phone();
        RelyingParty.Request plain = RP.newRequest("openid");
        b.follow(b.get(plain.authorizeUrl()), null);
        Browser.Page back = b.follow(submitPassword(b, b.follow(b.get(BRIDGE + "/login/password"), null),
                "zhang.san", "Zhangsan#2026"), RelyingParty.ORIGIN);
        JWTClaimsSet password = RP.verifiedIdToken(RP.exchange(RP.codeFrom(back, plain), plain), plain);
        assertThat(password.getClaim("id_number_masked")).as("on record is not verified: not shown").isNull();

        RelyingParty.Request stepUp = RP.newRequest("openid", "&acr_values=urn:gd:trust:L4");
        Browser.Page toFace = b.get(stepUp.authorizeUrl());
        assertThat(toFace.location()).contains("/login/yuexinqian");
        Browser.Page toYxq = b.get(BRIDGE + "/login/yuexinqian");
        Map<String, String> yxq = Browser.query(toYxq.location());
        assertThat(FakeYuexinqian.deliver(BRIDGE, YXQ.sign(YXQ.verifiedClaims(yxq.get("txn"), yxq.get("nonce"))
                .build())).statusCode()).isEqualTo(204);
        Browser.Page atRp = b.follow(b.get(BRIDGE + "/login/yuexinqian/return?state=" + yxq.get("state")
                + "&txn=" + yxq.get("txn")), RelyingParty.ORIGIN);
        JWTClaimsSet stepped = RP.verifiedIdToken(RP.exchange(RP.codeFrom(atRp, stepUp), stepUp), stepUp);

        assertThat(stepped.getStringClaim("acr")).isEqualTo("urn:gd:trust:L4");
        assertThat(stepped.getSubject()).isEqualTo(password.getSubject());
        assertThat(stepped.getStringListClaim("amr")).containsExactly("pwd", "face");
    }

    /**
     * Issue 9, finding 8, seen in a real browser: a reviewer logged out, and the next person at that
     * computer who clicked 账号密码登录 was signed straight back in as the reviewer — Keycloak's own
     * session had survived the bridge's logout.
     */
    @Test
    void afterLogoutTheNextPersonAtTheComputerMustTypeAPassword() throws Exception {
        Browser b = Browser.phone();
        RelyingParty.Request request = RP.newRequest("openid");
        b.follow(b.get(request.authorizeUrl()), null);
        Browser.Page back = b.follow(submitPassword(b, keycloakLoginPage(b), "zhang.san", "Zhangsan#2026"),
                RelyingParty.ORIGIN);
        Map<String, Object> tokens = RP.exchange(RP.codeFrom(back, request), request);

        Browser.Page out = b.follow(b.get(BRIDGE + "/connect/logout?id_token_hint=" + tokens.get("id_token")
                + "&post_logout_redirect_uri=" + RelyingParty.ORIGIN + "/&state=bye123"), RelyingParty.ORIGIN);
        assertThat(out.location()).isEqualTo(RelyingParty.ORIGIN + "/?state=bye123");

        RelyingParty.Request next = RP.newRequest("openid");
        b.follow(b.get(next.authorizeUrl()), null);
        Browser.Page door = b.follow(b.get(BRIDGE + "/login/password"), RelyingParty.ORIGIN);
        assertThat(String.valueOf(door.location())).as("no code for the next person without a password")
                .doesNotStartWith(RelyingParty.ORIGIN);
        assertThat(door.status()).isEqualTo(200);
        assertThat(door.body()).contains("kc-form-login");
    }

    /** Keycloak's message to the person, as shown above the form. */
    private static String feedback(Browser.Page page) {
        Matcher m = Pattern.compile("kc-feedback-text\"[^>]*>\\s*([^<]+)").matcher(page.body());
        return m.find() ? m.group(1).strip() : "";
    }

    private static JWTClaimsSet loginAndGetIdToken(String user, String password) throws Exception {
        Browser b = Browser.phone();
        RelyingParty.Request request = RP.newRequest("openid");
        Browser.Page login = b.follow(b.get(request.authorizeUrl()), null);
        assertThat(login.body()).contains("/login/password");
        Browser.Page kc = b.follow(b.get(BRIDGE + "/login/password"), null);
        Browser.Page back = b.follow(submitPassword(b, kc, user, password), RelyingParty.ORIGIN);
        return RP.verifiedIdToken(RP.exchange(RP.codeFrom(back, request), request), request);
    }

    private static Browser.Page keycloakLoginPage(Browser b) {
        Browser.Page kc = b.follow(b.get(BRIDGE + "/login/password"), null);
        assertThat(kc.status()).isEqualTo(200);
        return kc;
    }

    private static Browser.Page submitPassword(Browser b, Browser.Page loginPage, String user, String password) {
        Matcher m = LOGIN_ACTION.matcher(loginPage.body());
        assertThat(m.find()).as("Keycloak login form in:\n" + loginPage.body()).isTrue();
        String action = HtmlUtils.htmlUnescape(m.group(1));
        Map<String, String> form = new LinkedHashMap<>(Map.of("username", user, "password", password, "credentialId", ""));
        form.putAll(KeycloakExtension.server().admin().captcha().solvedFields(loginPage.body()));
        return b.post(action, form);
    }
}
