package cn.gov.jieyang.talent.portal.journey;

import cn.gov.jieyang.talent.testsupport.stack.Stack;
import java.nio.file.Path;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The journey's steps, as a person does them in the browser. */
final class Steps {

    private Steps() {
    }

    /**
     * Opens the portal, chooses 粤信签 face login on the bridge, and goes through the mock 粤信签 as a
     * first-time person: consent, the identity form, then a passing face check.
     */
    static void faceLoginFirstTime(Chromium b, Stack stack, String name, String idNumber) {
        b.open(stack.portalUrl() + "/");
        b.awaitUrlStartsWith(stack.bridgeUrl() + "/login");
        b.screenshot("bridge-login");
        b.click("face-login");
        b.awaitUrlStartsWith(stack.yuexinqianUrl());
        b.click(By.cssSelector("button[name=decision][value=agree]"));
        b.type("name", name);
        b.type("idNumber", idNumber);
        b.click("consent");
        b.screenshot("yuexinqian-person");
        b.click(By.cssSelector("form[action$='/flow/person'] button[type=submit]"));
        b.click(By.cssSelector("button[name=result][value=pass]"));
        b.awaitUrlStartsWith(stack.portalUrl());
    }

    /** Opens the portal and logs in with an account and password through the bridge and Keycloak. */
    static void passwordLogin(Chromium b, Stack stack, String username, String password) {
        b.open(stack.portalUrl() + "/");
        b.awaitUrlStartsWith(stack.bridgeUrl() + "/login");
        b.click("password-login");
        b.type("username", username);
        b.type("password", password);
        // The characters in the captcha image, as the holder of the flow's answer key reads them.
        String challenge = b.await(By.id("captcha-id")).getAttribute("value");
        int length = Integer.parseInt(b.await(By.id("captcha-group")).getAttribute("data-captcha-length"));
        b.type("captcha", stack.keycloak().admin().captcha().answer(challenge, length));
        b.screenshot("keycloak-login");
        b.clickAndLoad("kc-login");
        b.awaitUrlStartsWith(stack.portalUrl());
    }

    /** Fills every empty field of the one form with a plausible answer and saves it. */
    static void fillTheForm(Chromium b) {
        b.click("form-link");
        b.await(By.id("save-form"));
        for (WebElement field : b.all(By.cssSelector("[id^=field-]"))) {
            if (!field.isDisplayed() || !field.getAttribute("value").isEmpty()) {
                continue;
            }
            String type = String.valueOf(field.getAttribute("type"));
            String tag = field.getTagName();
            if ("select".equals(tag)) {
                field.findElements(By.tagName("option")).stream()
                        .filter(o -> !o.getAttribute("value").isEmpty()).findFirst().ifPresent(WebElement::click);
            } else if ("date".equals(type)) {
                b.driver().executeScript("arguments[0].value = '2020-07-01';", field);
            } else if ("tel".equals(type)) {
                field.sendKeys("13800138000");
            } else if ("number".equals(type)) {
                field.sendKeys("5");
            } else {
                field.sendKeys("揭阳测试<b>单位</b>");
            }
        }
        b.screenshot("form");
        b.clickAndLoad("save-form");
    }

    /** Uploads one file for every material the task list still shows as missing. */
    static int uploadEveryMaterial(Chromium b, String applicationUrl, Path file) {
        int uploaded = 0;
        for (String id : b.all(By.cssSelector("a[id^=material-]")).stream().map(e -> e.getAttribute("id")).toList()) {
            b.open(applicationUrl);
            b.click(id);
            upload(b, file);
            uploaded++;
        }
        b.open(applicationUrl);
        return uploaded;
    }

    /** On the upload page of a material with one file: replaces that file by another in one step (替换). */
    static void replaceTheFile(Chromium b, Path file) {
        WebElement input = b.await(By.cssSelector("input[id^=replace-file-]"));
        String fileId = input.getAttribute("id").substring("replace-file-".length());
        input.sendKeys(file.toAbsolutePath().toString());
        b.clickAndLoad("replace-" + fileId);
        b.await(By.id("replace-done"));
    }

    /** On an upload page: chooses the file and sends it. */
    static void upload(Chromium b, Path file) {
        b.await(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        b.click("upload");
        // The page answers with the file listed (JavaScript upload with progress, or a plain form post).
        b.await(By.id("upload-done"));
    }
}
