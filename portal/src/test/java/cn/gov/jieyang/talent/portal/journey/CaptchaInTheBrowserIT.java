package cn.gov.jieyang.talent.portal.journey;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.portal.PortalOnTheStack;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The password door's captcha in a real browser (headless Chromium, phone-sized): "换一张" shows a new
 * image and keeps the account typed so far; a person who cannot read the image signs in with one button
 * (the proof-of-work script of theme {@code jieyang}), nothing to read or type.
 */
class CaptchaInTheBrowserIT extends PortalOnTheStack {

    @Test
    void aPersonWhoCannotReadTheImageSignsInWithOneButton() {
        try (Chromium b = Chromium.phone("captcha-pow")) {
            try {
                openPasswordForm(b);
                b.type("username", "auditor.wang");
                b.type("password", "Auditor#2026");
                b.click("captcha-pow-start");
                b.awaitText("captcha-pow-status", "自动验证已完成");
                assertThat(b.await(By.id("captcha-pow-status")).getAttribute("role")).isEqualTo("status");
                b.screenshot("verified-automatically");
                b.clickAndLoad("kc-login");
                b.awaitUrlStartsWith(stack().portalUrl());
            } catch (AssertionError | RuntimeException e) {
                b.saveFailure();
                throw e;
            }
        }
    }

    @Test
    void aNewImageReplacesTheOldOneAndKeepsTheAccount() {
        try (Chromium b = Chromium.phone("captcha-refresh")) {
            try {
                openPasswordForm(b);
                String firstImage = b.await(By.id("captcha-image")).getAttribute("src");
                String firstId = b.await(By.id("captcha-id")).getAttribute("value");
                b.type("username", "reviewer.li");

                b.clickAndLoad("captcha-refresh");

                assertThat(b.await(By.id("captcha-image")).getAttribute("src")).isNotEqualTo(firstImage);
                assertThat(b.await(By.id("captcha-id")).getAttribute("value")).isNotEqualTo(firstId);
                assertThat(b.await(By.id("username")).getAttribute("value")).isEqualTo("reviewer.li");
                b.type("captcha", "22222");
                b.type("password", "Reviewer#2026");
                b.clickAndLoad("kc-login");
                assertThat(b.pageText()).contains("验证码不正确");
                b.screenshot("wrong-captcha");
            } catch (AssertionError | RuntimeException e) {
                b.saveFailure();
                throw e;
            }
        }
    }

    private void openPasswordForm(Chromium b) {
        b.open(stack().portalUrl() + "/");
        b.awaitUrlStartsWith(stack().bridgeUrl() + "/login");
        b.click("password-login");
        b.await(By.id("captcha-image"));
    }
}
