package cn.gov.jieyang.talent.portal.application;

import static cn.gov.jieyang.talent.portal.login.TestLogins.auditor;
import static cn.gov.jieyang.talent.portal.login.TestLogins.reviewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.gov.jieyang.talent.portal.PortalTest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 9, item 8: every kind of portal page (an applicant's, a reviewer's, an auditor's, an error)
 * forbids inline script and style and framing, lets forms lead only to the portal, the bridge and 粤信签,
 * and sends a Referer to no other site. (Behind a TLS proxy: PortalBehindTlsProxyIT.)
 */
@PortalTest
class SecurityHeadersTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyKindOfPageHasAStrictPolicyAndASameOriginReferrerPolicy() throws Exception {
        Applicants applicant = Applicants.individual(jdbc);
        UUID draft = new DraftDriver(mvc, jdbc).create(applicant, "talent-recognition");
        Map<String, MockHttpServletResponse> pages = new LinkedHashMap<>();
        pages.put("home", page(get("/").with(reviewer("headers-r"))));
        pages.put("application", page(get("/applications/{id}", draft).with(applicant.login())));
        pages.put("upload page", page(get("/applications/{id}/materials/id-document", draft).with(applicant.login())));
        pages.put("review queue", page(get("/review").with(reviewer("headers-r"))));
        pages.put("audit", page(get("/audit").with(auditor("headers-a"))));
        pages.put("error page", page(get("/review/cases/not-a-uuid").with(reviewer("headers-r"))));

        assertThat(pages.get("error page").getStatus()).isEqualTo(404);
        pages.forEach((name, page) -> {
            assertThat(page.getStatus()).as(name).isIn(200, 404);
            assertThat(page.getContentAsByteArray()).as(name).isNotEmpty();
            assertThat(page.getHeader("Content-Security-Policy")).as(name).isNotNull()
                    .contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
                            "base-uri 'none'", "frame-ancestors 'none'",
                            // Logout leads to the bridge; a step-up on a phone from the submit form on to 粤信签.
                            "form-action 'self' http://127.0.0.1:9000 http://127.0.0.1:9100")
                    .doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(page.getHeader("Referrer-Policy")).as(name).isEqualTo("same-origin");
        });
    }

    private MockHttpServletResponse page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }
}
