package cn.gov.jieyang.talent.portal.journey;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.authbridge.keycloak.KeycloakExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The applicant's whole journey in a real browser (headless Chromium on a phone-sized screen), against
 * real servers only: Keycloak, the mock 粤信签, the auth-bridge and the portal, each with its own
 * PostgreSQL. Screenshots of the key pages are saved under {@code target/e2e-screenshots/}.
 */
@ExtendWith(KeycloakExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class ApplicantJourneyIT {

    private static final WholeStack STACK = new WholeStack();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("server.port", STACK::portalPort);
        r.add("portal.bridge.base-url", STACK::bridgeUrl);
    }

    @AfterAll
    static void stop() {
        STACK.close();
    }

    @Test
    void aFaceVerifiedPersonAndAReviewerLogInThroughTheRealStack() {
        try (Chromium applicant = Chromium.phone("applicant"); Chromium reviewer = Chromium.phone("reviewer")) {
            Steps.faceLoginFirstTime(applicant, STACK, "王小明", "445202199003070014");
            applicant.screenshot("after-face-login");
            assertThat(applicant.url()).startsWith(STACK.portalUrl());

            Steps.passwordLogin(reviewer, STACK, "reviewer.li", "Reviewer#2026");
            reviewer.screenshot("reviewer-home");
            assertThat(reviewer.await(By.id("review-queue")).isDisplayed()).isTrue();
        }
    }
}
