package cn.gov.jieyang.talent.authbridge.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.testsupport.keycloak.KeycloakAdmin;
import cn.gov.jieyang.talent.testsupport.keycloak.KeycloakCaptcha;
import cn.gov.jieyang.talent.testsupport.keycloak.KeycloakExtension;
import cn.gov.jieyang.talent.testsupport.keycloak.KeycloakLogin;
import cn.gov.jieyang.talent.testsupport.keycloak.KeycloakServer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 9, item 1: the captcha on realm {@code jieyang}'s password form (module keycloak-captcha), on a
 * real Keycloak with the extension loaded. It is checked before the password: a missing, wrong, reused
 * or expired captcha is refused with the password unread and no failure counted against the account.
 */
@ExtendWith(KeycloakExtension.class)
class CaptchaLoginIT {

    static KeycloakServer keycloak;
    static KeycloakCaptcha captcha;
    static String redirectUri;

    @BeforeAll
    static void keycloak(KeycloakServer server) {
        keycloak = server;
        captcha = server.admin().captcha();
        redirectUri = ThisJvmsBridge.redirectUri(server);
    }

    @Test
    void theLoginPageShowsAnImageCaptchaWithANewImageButtonAndTheNoReadingPath() {
        KeycloakLogin.Page page = KeycloakLogin.start(keycloak, redirectUri, "zh-CN,zh;q=0.9").openLoginPage();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"captcha-image\"", "src=\"data:image/png;base64,", "name=\"captcha\"",
                "name=\"captcha_refresh\"", "换一张", "id=\"captcha-pow\"", "js/captcha-pow.js", "验证码");
        assertThat(KeycloakCaptcha.id(page.body())).isPresent();
        assertThat(page.body()).as("the answer never appears in the page").doesNotContain(captcha.answer(page.body()));

        KeycloakLogin.Page english = KeycloakLogin.start(keycloak, redirectUri, "en").openLoginPage();
        assertThat(english.body()).contains("lang=\"en\"", "New image", "Verify automatically");
    }

    @Test
    void theRightCaptchaAndTheRightPasswordLogIn() {
        String user = newUser("captcha-ok");
        KeycloakLogin login = KeycloakLogin.start(keycloak, redirectUri, "en");

        KeycloakLogin.Page page = login.signIn(user, "Right#2026");

        assertThat(page.redirectsTo(redirectUri)).as("%s %s", page.status(), page.errorMessage()).isTrue();
        assertThat(login.redeem(page.queryParameter("code").orElseThrow()).has("id_token")).isTrue();
    }

    @Test
    void aWrongCaptchaIsRefusedAndThePasswordIsNotEvenChecked() {
        String user = newUser("captcha-wrong");
        KeycloakLogin login = KeycloakLogin.start(keycloak, redirectUri, "en");
        KeycloakLogin.Page page = login.openLoginPage();

        // The right password, a wrong captcha: refused.
        KeycloakLogin.Page refused = login.submitForm(page, fields(user, "Right#2026", page, wrong(captcha.answer(page.body()))));
        assertThat(refused.location()).isEmpty();
        assertThat(refused.errorMessage()).get().asString().contains("The verification code is not correct.");

        // Wrong passwords behind wrong captchas: none of them reaches the password check.
        KeycloakLogin.Page current = refused;
        for (int i = 0; i < 12; i++) {
            current = login.submitForm(current, fields(user, "Guess#" + i, current, wrong(captcha.answer(current.body()))));
            assertThat(current.errorMessage()).get().asString().contains("The verification code is not correct.");
        }
        assertThat(keycloak.admin().bruteForceStatus(user).get("numFailures").asInt()).isZero();
        assertThat(keycloak.admin().bruteForceStatus(user).get("disabled").asBoolean()).isFalse();
    }

    @Test
    void aMissingCaptchaIsRefused() {
        String user = newUser("captcha-missing");
        KeycloakLogin login = KeycloakLogin.start(keycloak, redirectUri, "zh-CN");
        KeycloakLogin.Page page = login.openLoginPage();

        KeycloakLogin.Page refused = login.submitForm(page, Map.of("username", user, "password", "Right#2026"));

        assertThat(refused.location()).isEmpty();
        assertThat(refused.errorMessage()).get().asString().contains("请输入图中的验证码");
        assertThat(keycloak.admin().bruteForceStatus(user).get("numFailures").asInt()).isZero();
    }

    @Test
    void aCaptchaAnswersOneAttemptOnly() {
        String user = newUser("captcha-reused");
        KeycloakLogin login = KeycloakLogin.start(keycloak, redirectUri, "en");
        KeycloakLogin.Page page = login.openLoginPage();
        Map<String, String> solved = captcha.solvedFields(page.body());

        // First use, with a wrong password: the password is checked (and that failure counts).
        Map<String, String> first = new LinkedHashMap<>(Map.of("username", user, "password", "Guess#1"));
        first.putAll(solved);
        KeycloakLogin.Page afterFirst = login.submitForm(page, first);
        assertThat(afterFirst.errorMessage()).get().asString().contains("Invalid username or password.");

        // The same id and answer again, now with the right password: refused, the password unread.
        Map<String, String> again = new LinkedHashMap<>(Map.of("username", user, "password", "Right#2026"));
        again.putAll(solved);
        KeycloakLogin.Page reused = login.submitForm(afterFirst, again);
        assertThat(reused.location()).isEmpty();
        assertThat(reused.errorMessage()).get().asString().contains("The verification code has expired or was already used.");
        assertThat(keycloak.admin().bruteForceStatus(user).get("numFailures").asInt()).isEqualTo(1);

        // The page's new challenge works.
        assertThat(login.submit(reused, user, "Right#2026").redirectsTo(redirectUri)).isTrue();
    }

    @Test
    void anExpiredCaptchaIsRefused() throws InterruptedException {
        String user = newUser("captcha-expired");
        Map<String, String> before = captcha.update(Map.of(KeycloakCaptcha.EXPIRY_SECONDS, "1"));
        try {
            KeycloakLogin login = KeycloakLogin.start(keycloak, redirectUri, "en");
            KeycloakLogin.Page page = login.openLoginPage();
            Thread.sleep(2_500);

            KeycloakLogin.Page late = login.submit(page, user, "Right#2026");

            assertThat(late.location()).isEmpty();
            assertThat(late.errorMessage()).get().asString().contains("The verification code has expired or was already used.");
            assertThat(keycloak.admin().bruteForceStatus(user).get("numFailures").asInt()).isZero();
        } finally {
            captcha.update(Map.of(KeycloakCaptcha.EXPIRY_SECONDS, before.getOrDefault(KeycloakCaptcha.EXPIRY_SECONDS, "120")));
        }
    }

    @Test
    void aNewImageIsANewChallengeAndRetiresTheOldOne() {
        String user = newUser("captcha-refresh");
        KeycloakLogin login = KeycloakLogin.start(keycloak, redirectUri, "en");
        KeycloakLogin.Page first = login.openLoginPage();
        Map<String, String> oldSolution = captcha.solvedFields(first.body());

        KeycloakLogin.Page refreshed = login.refreshCaptcha(first, user);

        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.errorMessage()).isEmpty();
        assertThat(KeycloakCaptcha.id(refreshed.body())).isPresent().isNotEqualTo(KeycloakCaptcha.id(first.body()));
        assertThat(refreshed.body()).as("the user name is kept").contains("value=\"" + user + "\"");

        Map<String, String> stale = new LinkedHashMap<>(Map.of("username", user, "password", "Right#2026"));
        stale.putAll(oldSolution);
        KeycloakLogin.Page refused = login.submitForm(refreshed, stale);
        assertThat(refused.errorMessage()).get().asString().contains("The verification code has expired or was already used.");

        assertThat(login.submit(refused, user, "Right#2026").redirectsTo(redirectUri)).isTrue();
    }

    @Test
    void aPersonWhoCannotReadTheImageLogsInByProofOfWork() {
        String user = newUser("captcha-pow");
        KeycloakLogin login = KeycloakLogin.start(keycloak, redirectUri, "en");
        KeycloakLogin.Page page = login.openLoginPage();

        // A nonce that does not hold is refused like a wrong answer.
        KeycloakLogin.Page refused = login.submitForm(page, Map.of("username", user, "password", "Right#2026",
                "captcha_id", KeycloakCaptcha.id(page.body()).orElseThrow(), "captcha_pow", "not-a-nonce"));
        assertThat(refused.errorMessage()).get().asString().contains("The verification code is not correct.");

        KeycloakLogin.Page in = login.submitForm(refused, Map.of("username", user, "password", "Right#2026",
                "captcha_id", KeycloakCaptcha.id(refused.body()).orElseThrow(),
                "captcha_pow", KeycloakCaptcha.proofOfWork(refused.body())));
        assertThat(in.redirectsTo(redirectUri)).as("%s %s", in.status(), in.errorMessage()).isTrue();
    }

    // ------------------------------------------------------------------------------------------------

    private static String newUser(String prefix) {
        String user = KeycloakAdmin.uniqueUsername(prefix);
        keycloak.admin().createUser(user, "Right#2026", "individual");
        return user;
    }

    private static Map<String, String> fields(String user, String password, KeycloakLogin.Page page, String answer) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", user);
        form.put("password", password);
        form.put("captcha_id", KeycloakCaptcha.id(page.body()).orElseThrow());
        form.put("captcha", answer);
        return form;
    }

    /** The right answer with its first character changed: certainly wrong. */
    private static String wrong(String answer) {
        char first = answer.charAt(0);
        return (first == '2' ? '3' : '2') + answer.substring(1);
    }
}
