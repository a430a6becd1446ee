package cn.gov.jieyang.talent.portal.journey;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.portal.PortalOnTheStack;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The desktop QR face login in two real browsers (headless Chromium): a desktop opens the portal and
 * chooses face login; its page shows a QR code and a number; the phone that opens the code sees which
 * site asks and from what device, picks the number, passes the real mock 粤信签, and is told the login
 * on the other device was approved; the desktop, told every step in its live region, continues into
 * the portal by itself.
 */
class DesktopQrLoginInTheBrowserIT extends PortalOnTheStack {

    @Test
    void theDesktopContinuesOnceThePhonePickedItsNumberAndPassedTheFaceCheck() {
        try (Chromium desktop = Chromium.desktop("qr-desktop"); Chromium phone = Chromium.phone("qr-phone")) {
            try {
                desktop.open(stack().portalUrl() + "/");
                desktop.awaitUrlStartsWith(stack().bridgeUrl() + "/login");
                desktop.click("face-login");
                String number = desktop.text("match-number");
                String link = desktop.await(By.id("phone-link")).getAttribute("href");
                assertThat(desktop.await(By.id("status")).getAttribute("aria-live")).isEqualTo("polite");
                assertThat(link).startsWith(stack().bridgeUrl() + "/login/yuexinqian/phone?txn=");
                desktop.screenshot("qr-and-number");

                phone.open(link);
                assertThat(phone.pageText()).contains("揭阳市人才服务“一件事”", "Windows 电脑", "Edge 浏览器");
                phone.screenshot("number-match");
                phone.click(By.cssSelector("button[name=number][value='" + number + "']"));
                phone.awaitUrlStartsWith(stack().yuexinqianUrl());
                desktop.awaitText("status", "手机已确认数字");

                phone.click(By.cssSelector("button[name=decision][value=agree]"));
                phone.type("name", "李四");
                phone.type("idNumber", "445202199203150027");
                phone.click("consent");
                phone.click(By.cssSelector("form[action$='/flow/person'] button[type=submit]"));
                phone.click(By.cssSelector("button[name=result][value=pass]"));
                phone.awaitText("message", "您已批准在另一台设备上登录");
                assertThat(phone.pageText()).contains("12333").doesNotContain("请回到发起登录的设备继续");
                phone.screenshot("approved");

                desktop.awaitUrlStartsWith(stack().portalUrl());
                desktop.screenshot("signed-in");
            } catch (AssertionError | RuntimeException e) {
                desktop.saveFailure();
                phone.saveFailure();
                throw e;
            }
        }
    }
}
