package cn.gov.jieyang.talent.portal.profile;

import static cn.gov.jieyang.talent.portal.login.TestLogins.passwordIndividual;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jieyang.talent.identity.IdType;
import cn.gov.jieyang.talent.portal.PortalTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A password individual declares name and identity document; the document is checked. */
@PortalTest
@ExtendWith(OutputCaptureExtension.class)
class DeclaredProfileTest {

    static final String VALID_ID = "445202199001010018";
    static final String WRONG_CHECK_DIGIT = "445202199001010019";
    /** 30 February, with a correct check character: only the date is wrong. */
    static final String IMPOSSIBLE_BIRTH_DATE = "445202198502301230";

    @Autowired
    MockMvc mvc;

    @Autowired
    Profiles profiles;

    private static MockHttpServletRequestBuilder declare(String subject, String name, String idType, String idNumber) {
        return post("/profile").with(passwordIndividual(subject, "账号名")).with(csrf())
                .param("name", name).param("idType", idType).param("idNumber", idNumber)
                .param("phone", "13800138000").param("consent", "true");
    }

    @Test
    void offersTheDeclarationFormPrefilledWithTheAccountsNameAndLabelledDeclared() throws Exception {
        mvc.perform(get("/profile").with(passwordIndividual("p-decl-" + UUID.randomUUID(), "王五")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("本人申报"),
                        containsString("id=\"name\""), containsString("value=\"王五\""),
                        containsString("<option value=\"passport\">护照</option>"),
                        containsString("id=\"idNumber\""), containsString("id=\"consent\""),
                        containsString("2026-11-v1"))));
    }

    @Test
    void storesTheDeclarationWithConsentTimeAndTextVersion(CapturedOutput output) throws Exception {
        String subject = "p-decl-" + UUID.randomUUID();
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);

        mvc.perform(declare(subject, "王五", "resident_id", VALID_ID.toLowerCase()))
                .andExpect(redirectedUrl("/"));

        ApplicantProfile stored = profiles.find(subject).orElseThrow();
        assertThat(stored.verification()).isEqualTo(Verification.DECLARED);
        assertThat(stored.name()).isEqualTo("王五");
        assertThat(stored.idType()).isEqualTo(IdType.RESIDENT_ID);
        assertThat(stored.idNumberMasked()).isEqualTo("4452**********0018");
        assertThat(stored.consentTextVersion()).isEqualTo("2026-11-v1");
        assertThat(stored.consentedAt()).isBetween(before, Instant.now());
        assertThat(output).doesNotContain(VALID_ID).doesNotContain("19900101001");
    }

    @Test
    void refusesAWrongCheckDigitSayingSoAndKeepsWhatWasTyped(CapturedOutput output) throws Exception {
        String subject = "p-decl-" + UUID.randomUUID();

        mvc.perform(declare(subject, "王五", "resident_id", WRONG_CHECK_DIGIT))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"error-summary\""),
                        containsString("<a href=\"#idNumber\">居民身份证号码无效：校验码（最后一位）不符，请逐位核对。</a>"),
                        containsString("id=\"idNumber-error\""), containsString("value=\"王五\""),
                        containsString("aria-invalid=\"true\""))));

        assertThat(profiles.exists(subject)).isFalse();
        assertThat(output).doesNotContain(WRONG_CHECK_DIGIT);
    }

    @Test
    void refusesAnImpossibleBirthDate() throws Exception {
        String subject = "p-decl-" + UUID.randomUUID();

        mvc.perform(declare(subject, "王五", "resident_id", IMPOSSIBLE_BIRTH_DATE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("出生日期（第 7 至 14 位）不是有效日期")));

        assertThat(profiles.exists(subject)).isFalse();
    }

    @Test
    void acceptsAPassportForSomeoneFromOutsideTheMainland() throws Exception {
        String subject = "p-decl-" + UUID.randomUUID();

        mvc.perform(declare(subject, "John Smith", "passport", " e12345678 "))
                .andExpect(redirectedUrl("/"));

        ApplicantProfile stored = profiles.find(subject).orElseThrow();
        assertThat(stored.idType()).isEqualTo(IdType.PASSPORT);
        assertThat(stored.idNumberMasked()).isEqualTo("*******78");
        assertThat(profiles.revealIdNumber(subject).orElseThrow().value()).isEqualTo("E12345678");
    }

    @Test
    void refusesWithoutConsent() throws Exception {
        String subject = "p-decl-" + UUID.randomUUID();

        mvc.perform(post("/profile").with(passwordIndividual(subject, "王五")).with(csrf())
                        .param("name", "王五").param("idType", "resident_id").param("idNumber", VALID_ID)
                        .param("phone", "13800138000").param("_consent", "on"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"consent-error\""),
                        containsString("请勾选同意个人信息授权，否则无法办理。"))));

        assertThat(profiles.exists(subject)).isFalse();
    }

    @Test
    void refusesAnEmptyFormFieldByField() throws Exception {
        String subject = "p-decl-" + UUID.randomUUID();

        mvc.perform(post("/profile").with(passwordIndividual(subject, "王五")).with(csrf())
                        .param("name", " ").param("idType", "driving_licence").param("idNumber", "")
                        .param("phone", "12345"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("请填写姓名。"), containsString("请选择证件类型。"),
                        containsString("请填写 11 位大陆手机号码"), containsString("请勾选同意个人信息授权"))));

        assertThat(profiles.exists(subject)).isFalse();
    }

    @Test
    void refusesANameLongerThanTheColumn() throws Exception {
        String subject = "p-decl-" + UUID.randomUUID();

        mvc.perform(declare(subject, "王".repeat(101), "resident_id", VALID_ID))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("姓名最多 100 个字。")));

        assertThat(profiles.exists(subject)).isFalse();
    }

    @Test
    void showsHtmlInANameAsText() throws Exception {
        String subject = "p-decl-" + UUID.randomUUID();
        mvc.perform(declare(subject, "<script>alert(1)</script>", "resident_id", VALID_ID))
                .andExpect(redirectedUrl("/"));

        mvc.perform(get("/profile").with(passwordIndividual(subject, "王五")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("&lt;script&gt;alert(1)&lt;/script&gt;"),
                        not(containsString("<script>alert(1)")))));
        mvc.perform(get("/").with(passwordIndividual(subject, "王五")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("&lt;script&gt;alert(1)&lt;/script&gt;"),
                        not(containsString("<script>alert(1)")))));
    }

    @Test
    void speaksEnglishWhenAsked() throws Exception {
        mvc.perform(get("/profile").param("lang", "en").with(passwordIndividual("p-decl-" + UUID.randomUUID(), "王五")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Real-name record"), containsString(">declared<"))));
    }
}
