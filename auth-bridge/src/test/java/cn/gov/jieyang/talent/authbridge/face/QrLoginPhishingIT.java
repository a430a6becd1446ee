package cn.gov.jieyang.talent.authbridge.face;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.authbridge.testing.BridgeWithFakeYuexinqian;
import cn.gov.jieyang.talent.authbridge.testing.FakeYuexinqian;
import cn.gov.jieyang.talent.testsupport.http.Browser;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The attack of issue 9, finding 1: an attacker opens the face door on a desktop and sends the victim
 * the link behind the QR code. Whatever that link leads to, a victim who cannot see the attacker's
 * screen must not be able to hand the attacker a session.
 */
class QrLoginPhishingIT extends BridgeWithFakeYuexinqian {

    @Autowired
    private JdbcClient jdbc;

    private static final Pattern QR_LINK = Pattern.compile("href=\"(http[^\"]*(?:/authorize|/login/yuexinqian/phone)[^\"]*)\"");

    @Test
    void aVictimWhoFollowsTheQrLinkCannotApproveADesktopTheyDoNotSee() {
        Browser attacker = new Browser(Browser.DESKTOP);
        Browser.Page wait = attacker.get(BRIDGE + "/login/yuexinqian");
        String link = qrLink(wait.body());
        String txn = Browser.query(link).get("txn");

        victimDoesWhatTheLinkAsksWithoutSeeingTheDesktop(link, shownNumber(wait.body()));

        Browser.Page status = attacker.get(BRIDGE + "/login/yuexinqian/status?txn=" + txn);
        assertThat(status.body()).doesNotContain("\"verified\"");
        String state = stateOf(status.body());
        Browser.Page back = attacker.get(BRIDGE + "/login/yuexinqian/return?txn=" + txn + "&state=" + state);
        assertThat(back.setCookies()).noneMatch(c -> c.startsWith("JYB_SESSION="));
    }

    /**
     * The victim, on their phone, follows the link. If it is 粤信签's own page (no number to match),
     * they pass the face check there. If it is the bridge's phone page, they must pick the number the
     * desktop shows — which they cannot see — and pick another one.
     */
    private static void victimDoesWhatTheLinkAsksWithoutSeeingTheDesktop(String link, String desktopNumber) {
        Browser victim = Browser.phone();
        if (link.startsWith(YXQ.baseUrl())) {
            Map<String, String> yxq = Browser.query(link);
            FakeYuexinqian.deliver(BRIDGE, YXQ.sign(YXQ.verifiedClaims(yxq.get("txn"), yxq.get("nonce")).build()));
            victim.get(BRIDGE + "/login/yuexinqian/return?state=" + yxq.get("state") + "&txn=" + yxq.get("txn"));
            return;
        }
        Browser.Page phonePage = victim.get(link);
        assertThat(phonePage.status()).isEqualTo(200);
        Matcher choice = Pattern.compile("name=\"number\" value=\"(\\d{2})\"").matcher(phonePage.body());
        String wrong = null;
        while (choice.find()) {
            if (!choice.group(1).equals(desktopNumber)) {
                wrong = choice.group(1);
            }
        }
        assertThat(wrong).as("the phone offers other numbers than the desktop's").isNotNull();
        Browser.Page answer = victim.post(BRIDGE + "/login/yuexinqian/phone", Map.of("txn", Browser.query(link).get("txn"),
                "number", wrong, "_csrf", csrf(phonePage.body())));
        assertThat(answer.location()).as("no way on to 粤信签 after a wrong number").isNull();
    }

    @Test
    void aCallbackForADesktopTransactionThatNoPhoneMatchedIsRefused() {
        Browser desktop = new Browser(Browser.DESKTOP);
        String txn = Browser.query(qrLink(desktop.get(BRIDGE + "/login/yuexinqian").body())).get("txn");
        // Even knowing the nonce (here: from the bridge's own table), nobody can verify it for the desktop.
        String nonce = jdbc.sql("select nonce from face_login_transaction where id = :id").param("id", txn)
                .query(String.class).single();

        var answer = FakeYuexinqian.deliver(BRIDGE, YXQ.sign(YXQ.verifiedClaims(txn, nonce).build()));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("not_matched");
        assertThat(desktop.get(BRIDGE + "/login/yuexinqian/status?txn=" + txn).body()).contains("\"open\"");
    }

    @Test
    void aWrongNumberEndsTheLoginForGoodOnBothDevices() {
        Browser desktop = new Browser(Browser.DESKTOP);
        Browser.Page wait = desktop.get(BRIDGE + "/login/yuexinqian");
        String link = qrLink(wait.body());
        String txn = Browser.query(link).get("txn");
        Browser phone = Browser.phone();
        Browser.Page page = phone.get(link);
        String wrong = choices(page.body()).stream().filter(n -> !n.equals(shownNumber(wait.body()))).findFirst().orElseThrow();

        Browser.Page answer = phone.post(BRIDGE + "/login/yuexinqian/phone", Map.of("txn", txn, "number", wrong,
                "_csrf", csrf(page.body())));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).contains("所选数字与屏幕上的不一致", "12333");
        Browser.Page second = phone.post(BRIDGE + "/login/yuexinqian/phone", Map.of("txn", txn,
                "number", shownNumber(wait.body()), "_csrf", csrf(page.body())));
        assertThat(second.location()).as("no second guess").isNull();
        assertThat(desktop.get(BRIDGE + "/login/yuexinqian/status?txn=" + txn).body()).contains("\"mismatched\"");
    }

    @Test
    void thePhoneShowsWhichSiteAsksWhenAndFromWhatDevice() {
        Browser desktop = new Browser(Browser.DESKTOP);
        Browser.Page login = desktop.open(PORTAL.newRequest("openid").authorizeUrl());
        assertThat(login.body()).contains("/login/yuexinqian");
        String link = qrLink(desktop.get(BRIDGE + "/login/yuexinqian").body());

        Browser.Page page = Browser.phone().get(link);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("揭阳市人才服务“一件事”", "Linux 电脑", "Chrome 浏览器", "不是我本人操作")
                .containsPattern("id=\"opened-at\">20\\d\\d-\\d\\d-\\d\\d \\d\\d:\\d\\d<");
        assertThat(choices(page.body())).hasSize(3).doesNotHaveDuplicates();
        assertThat(Browser.phone().get(link).body()).as("the same three numbers on every reload")
                .contains(choices(page.body()).toArray(String[]::new));
    }

    @Test
    void theMatchedPhoneIsToldTheLoginWasApprovedAndHowToReportIt() {
        Browser desktop = new Browser(Browser.DESKTOP);
        Browser.Page wait = desktop.get(BRIDGE + "/login/yuexinqian");
        String link = qrLink(wait.body());
        Browser phone = Browser.phone();
        Map<String, String> yxq = pickOnPhone(phone, link, shownNumber(wait.body()));
        FakeYuexinqian.deliver(BRIDGE, YXQ.sign(YXQ.verifiedClaims(yxq.get("txn"), yxq.get("nonce")).build()));

        Browser.Page end = phone.get(returnUrl(yxq));

        assertThat(end.status()).isEqualTo(200);
        assertThat(end.body()).contains("您已批准在另一台设备上登录", "Linux 电脑", "12333")
                .doesNotContain("请回到发起登录的设备继续");
        assertThat(end.setCookies()).noneMatch(c -> c.startsWith("JYB_SESSION="));
    }

    @Test
    void aFailedOrCancelledFaceCheckIsToldAsSuchOnBothDevices() {
        Browser desktop = new Browser(Browser.DESKTOP);
        Browser.Page wait = desktop.get(BRIDGE + "/login/yuexinqian");
        Browser phone = Browser.phone();
        Map<String, String> yxq = pickOnPhone(phone, qrLink(wait.body()), shownNumber(wait.body()));

        Browser.Page end = phone.get(returnUrl(yxq) + "&error=cancelled");

        assertThat(end.body()).contains("您已取消，另一台设备上的登录不会继续").doesNotContain("验证已完成");
        assertThat(desktop.get(BRIDGE + "/login/yuexinqian/status?txn=" + yxq.get("txn")).body()).contains("\"cancelled\"");

        Browser.Page wait2 = desktop.get(BRIDGE + "/login/yuexinqian");
        Browser phone2 = Browser.phone();
        Map<String, String> yxq2 = pickOnPhone(phone2, qrLink(wait2.body()), shownNumber(wait2.body()));
        FakeYuexinqian.deliver(BRIDGE, YXQ.sign(new com.nimbusds.jwt.JWTClaimsSet.Builder(
                YXQ.verifiedClaims(yxq2.get("txn"), yxq2.get("nonce")).build()).claim("outcome", "failed")
                .claim("name", null).claim("id_number", null).claim("id_type", null).build()));
        assertThat(phone2.get(returnUrl(yxq2) + "&error=verification_failed").body())
                .contains("人脸识别未通过，另一台设备上的登录不会继续");
        assertThat(desktop.get(BRIDGE + "/login/yuexinqian/status?txn=" + yxq2.get("txn")).body()).contains("\"failed\"");
    }

    @Test
    void thePersonCanStopALoginTheyDidNotStart() {
        Browser desktop = new Browser(Browser.DESKTOP);
        String link = qrLink(desktop.get(BRIDGE + "/login/yuexinqian").body());
        String txn = Browser.query(link).get("txn");
        Browser phone = Browser.phone();
        Browser.Page page = phone.get(link);

        Browser.Page stopped = phone.post(BRIDGE + "/login/yuexinqian/phone", Map.of("txn", txn, "action", "refuse",
                "_csrf", csrf(page.body())));

        assertThat(stopped.body()).contains("已终止", "12333");
        assertThat(desktop.get(BRIDGE + "/login/yuexinqian/status?txn=" + txn).body()).contains("\"stopped\"");
    }

    /**
     * The attacker matches the number on their own phone, takes the 粤信签 link it is sent to and
     * forwards that instead. The victim's return lands in a browser that holds neither binding: the
     * login is stopped, whether the attacker's desktop is still waiting or already signed in.
     */
    @Test
    void aForwarded粤信签LinkStopsTheLoginEvenAfterTheAttackerContinued() {
        Browser attacker = new Browser(Browser.DESKTOP);
        Browser.Page wait = attacker.get(BRIDGE + "/login/yuexinqian");
        Map<String, String> yxq = pickOnPhone(Browser.phone(), qrLink(wait.body()), shownNumber(wait.body()));
        FakeYuexinqian.deliver(BRIDGE, YXQ.sign(YXQ.verifiedClaims(yxq.get("txn"), yxq.get("nonce")).build()));
        Browser.Page status = attacker.get(BRIDGE + "/login/yuexinqian/status?txn=" + yxq.get("txn"));
        Browser.Page in = attacker.get(BRIDGE + status.body().replaceAll("(?s).*\"continue\":\"([^\"]+)\".*", "$1"));
        assertThat(in.setCookies()).anyMatch(c -> c.startsWith("JYB_SESSION="));
        assertThat(attacker.get(BRIDGE + "/").status()).isEqualTo(200);

        Browser.Page victim = Browser.phone().get(returnUrl(yxq));

        assertThat(victim.status()).isEqualTo(403);
        assertThat(victim.body()).contains("不是在这个浏览器中发起的", "12333");
        assertThat(attacker.get(BRIDGE + "/").status()).as("the attacker's session has ended").isNotEqualTo(200);
    }

    @Test
    void aForwardedLinkOfAPhoneLoginCannotBeFinishedByTheBrowserThatOpenedIt() {
        Browser attacker = new Browser(Browser.PHONE);
        Map<String, String> yxq = openFaceTransaction(attacker);
        FakeYuexinqian.deliver(BRIDGE, YXQ.sign(YXQ.verifiedClaims(yxq.get("txn"), yxq.get("nonce")).build()));

        assertThat(Browser.phone().get(returnUrl(yxq)).status()).isEqualTo(403);

        Browser.Page back = attacker.get(returnUrl(yxq));
        assertThat(back.setCookies()).noneMatch(c -> c.startsWith("JYB_SESSION="));
    }

    /** On the phone: open the QR link, pick {@code number}; answers the 粤信签 request it is sent to. */
    static Map<String, String> pickOnPhone(Browser phone, String link, String number) {
        Browser.Page page = phone.get(link);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        Browser.Page answer = phone.post(BRIDGE + "/login/yuexinqian/phone", Map.of("txn", Browser.query(link).get("txn"),
                "number", number, "_csrf", csrf(page.body())));
        assertThat(answer.location()).as("sent on to 粤信签").startsWith(YXQ.baseUrl() + "/authorize?");
        return Browser.query(answer.location());
    }

    private static String returnUrl(Map<String, String> yxq) {
        return BRIDGE + "/login/yuexinqian/return?state=" + yxq.get("state") + "&txn=" + yxq.get("txn");
    }

    private static java.util.List<String> choices(String phonePage) {
        Matcher m = Pattern.compile("name=\"number\" value=\"(\\d{2})\"").matcher(phonePage);
        java.util.List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    static String qrLink(String waitPage) {
        Matcher m = QR_LINK.matcher(waitPage);
        assertThat(m.find()).as("the desktop page links what its QR code encodes").isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    static String shownNumber(String waitPage) {
        Matcher m = Pattern.compile("id=\"match-number\"[^>]*>(\\d{2})<").matcher(waitPage);
        return m.find() ? m.group(1) : "";
    }

    static String csrf(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("a CSRF field").isTrue();
        return m.group(1);
    }

    private static String stateOf(String statusBody) {
        Matcher m = Pattern.compile("state=([A-Za-z0-9_-]+)").matcher(statusBody);
        return m.find() ? m.group(1) : "unknown";
    }
}
