package cn.gov.jieyang.talent.portal.journey;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.portal.PortalOnTheStack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The applicant's whole journey in a real browser (headless Chromium on a phone-sized screen), against
 * real servers only: Keycloak, the mock 粤信签, the auth-bridge and the portal ({@link PortalOnTheStack}). Screenshots of the key pages are saved under {@code target/e2e-screenshots/}; the signed
 * package the applicant downloads is checked by the signing CLI, as an auditor would.
 */
class ApplicantJourneyIT extends PortalOnTheStack {

    private static final Path SIGNING_JAR = Path.of("..", "signing", "target", "signing.jar");
    private static final String PERSON = "王小明";
    private static final String ID_NUMBER = "445202199003070014";

    @TempDir
    Path files;

    @Test
    void applyForTwoServicesGetOneReturnedFixItAndDownloadTheVerifiedPackage() throws Exception {
        Path scan = pdf(files.resolve("身份证扫描.pdf"), "first scan");
        Path corrected = pdf(files.resolve("更正后的申报表.pdf"), "corrected form");
        try (Chromium applicant = Chromium.phone("applicant"); Chromium reviewer = Chromium.phone("reviewer", 390)) {
            try {
                journey(applicant, reviewer, scan, corrected);
            } catch (AssertionError | RuntimeException e) {
                // Where each browser was when it went wrong: a screenshot and the page's source.
                applicant.saveFailure();
                reviewer.saveFailure();
                throw e;
            }
        }
    }

    private void journey(Chromium applicant, Chromium reviewer, Path scan, Path corrected) throws Exception {
        {
            // 1. Face login through the mock 粤信签 (first time), then the real-name record.
            Steps.faceLoginFirstTime(applicant, stack(), PERSON, ID_NUMBER);
            applicant.awaitUrlStartsWith(stack().portalUrl() + "/profile");
            assertThat(applicant.text("verified-name")).contains(PERSON);
            assertThat(applicant.text("verified-id-number")).isEqualTo("4452**********0014");
            assertThat(applicant.pageText()).doesNotContain(ID_NUMBER);
            applicant.type("phone", "13800138000");
            applicant.click("consent");
            applicant.screenshot("real-name-record");
            applicant.clickAndLoad("profile-submit");

            // 2. Choose services 1 and 2: one bundle.
            applicant.click("start-application");
            applicant.click("service-talent-recognition");
            applicant.click("service-chief-technician");
            applicant.screenshot("choose-services");
            applicant.clickAndLoad("choose-services");
            applicant.await(By.id("reference"));
            String applicationUrl = applicant.url();
            String reference = applicant.text("reference");
            // The common materials are asked once for both services.
            assertThat(applicant.all(By.id("material-id-document"))).hasSize(1);
            assertThat(applicant.all(By.id("material-one-thing-application-form"))).hasSize(1);
            applicant.screenshot("task-list");

            // 3. The one form, then every material once.
            Steps.fillTheForm(applicant);
            int materials = Steps.uploadEveryMaterial(applicant, applicationUrl, scan);
            assertThat(materials).isGreaterThanOrEqualTo(4);
            applicant.screenshot("task-list-complete");

            // 4. Check your answers, submit: a signed package, both cases pending.
            applicant.clickAndLoad("check-answers");
            assertThat(applicant.pageText()).contains("揭阳测试<b>单位</b>");
            applicant.screenshot("check-answers");
            applicant.clickAndLoad("submit-application");
            assertThat(applicant.text("submitted-reference")).isEqualTo(reference);
            assertThat(applicant.text("package-digest")).matches("(?s).*[0-9a-f]{64}.*");
            applicant.screenshot("submitted");

            applicant.open(stack().portalUrl() + "/matters");
            applicant.click("application-" + reference);
            assertThat(applicant.text("case-talent-recognition-state")).isEqualTo("待办");
            assertThat(applicant.text("case-chief-technician-state")).isEqualTo("待办");
            applicant.screenshot("my-matters-pending");

            // 5. The reviewer (password login via Keycloak) returns case 2 with a reason.
            Steps.passwordLogin(reviewer, stack(), "reviewer.li", "Reviewer#2026");
            reviewer.open(stack().portalUrl() + "/review");
            // The workbench fits a 390 px phone: nothing scrolls sideways.
            reviewer.screenshot("review-workbench");
            assertThat(reviewer.horizontalOverflow()).isZero();
            reviewer.clickAndLoad("queue-chief-technician");
            assertThat(reviewer.horizontalOverflow()).isZero();
            reviewer.clickAndLoad("case-" + reference);
            assertThat(reviewer.horizontalOverflow()).isZero();
            reviewer.type("reason", "首席技师申报表缺少单位盖章，请补充后重新提交。");
            reviewer.screenshot("review-case");
            reviewer.clickAndLoad("return");

            // 6. The applicant sees it returned with the reason, replaces the material and resubmits.
            assertThat(reviewer.text("case-state")).isEqualTo("已退回");
            applicant.driver().navigate().refresh();
            assertThat(applicant.text("case-chief-technician-state")).isEqualTo("已退回");
            assertThat(applicant.text("case-chief-technician-reason")).contains("缺少单位盖章");
            assertThat(applicant.text("case-talent-recognition-state")).isEqualTo("待办");
            applicant.screenshot("my-matters-returned");
            String mattersUrl = applicant.url();
            applicant.click("replace-chief-technician-recommendation-form");
            Steps.replaceTheFile(applicant, corrected);
            assertThat(applicant.horizontalOverflow()).isZero();
            assertThat(applicant.pageText()).contains("更正后的申报表.pdf").doesNotContain(scan.getFileName().toString());
            applicant.screenshot("material-replaced");
            applicant.open(mattersUrl);
            applicant.clickAndLoad("resubmit");
            applicant.open(mattersUrl);
            assertThat(applicant.text("case-chief-technician-state")).isEqualTo("待办");

            // 7. The reviewer accepts and completes case 2.
            reviewer.open(stack().portalUrl() + "/review");
            reviewer.click("queue-chief-technician");
            reviewer.click("case-" + reference);
            reviewer.clickAndLoad("accept");
            assertThat(reviewer.text("case-state")).isEqualTo("办理中");
            reviewer.clickAndLoad("complete");
            assertThat(reviewer.text("case-state")).isEqualTo("已办结");
            reviewer.screenshot("review-completed");

            // 8. The applicant sees it completed and downloads package version 2, which verifies.
            applicant.open(mattersUrl);
            assertThat(applicant.text("case-chief-technician-state")).isEqualTo("已办结");
            applicant.screenshot("my-matters-completed");
            applicant.click("package-v2");
            Path downloaded = applicant.awaitDownload(reference + "-v2.asice");
            CliResult verified = verifyWithSigningCli(downloaded);
            assertThat(verified.exitCode()).as(verified.output()).isZero();
            assertThat(verified.output()).contains("VALID");
        }
    }

    private record CliResult(int exitCode, String output) {
    }

    /** `signing verify` as an auditor runs it, trusting the portal's seal CA. */
    private static CliResult verifyWithSigningCli(Path asice) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", SIGNING_JAR.toAbsolutePath().toString(), "verify", "--trust",
                SEAL_DIR.resolve("ca.pem").toString(), asice.toAbsolutePath().toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new CliResult(process.exitValue(), output);
    }

    private static Path pdf(Path file, String text) throws IOException {
        return Files.writeString(file, "%PDF-1.4\n% " + text + "\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n",
                StandardCharsets.ISO_8859_1);
    }
}
