package cn.gov.jieyang.talent.portal.journey;

import org.openqa.selenium.By;

/** The journey's login steps, as a person does them in the browser. */
final class Steps {

    private Steps() {
    }

    /**
     * Opens the portal, chooses 粤信签 face login on the bridge, and goes through the mock 粤信签 as a
     * first-time person: consent, the identity form, then a passing face check.
     */
    static void faceLoginFirstTime(Chromium b, WholeStack stack, String name, String idNumber) {
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
    static void passwordLogin(Chromium b, WholeStack stack, String username, String password) {
        b.open(stack.portalUrl() + "/");
        b.awaitUrlStartsWith(stack.bridgeUrl() + "/login");
        b.click("password-login");
        b.type("username", username);
        b.type("password", password);
        b.screenshot("keycloak-login");
        b.click("kc-login");
        b.awaitUrlStartsWith(stack.portalUrl());
    }
}
