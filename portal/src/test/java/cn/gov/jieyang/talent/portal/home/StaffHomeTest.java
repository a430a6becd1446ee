package cn.gov.jieyang.talent.portal.home;

import static cn.gov.jieyang.talent.portal.login.TestLogins.auditor;
import static cn.gov.jieyang.talent.portal.login.TestLogins.reviewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jieyang.talent.portal.PortalTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Staff land on a home of their own that leads to their work (reviewers to /review, auditors to /audit),
 * and the applicant's pages are not theirs: 403, not a form that dead-ends on "工作人员账号没有实名信息".
 */
@PortalTest
class StaffHomeTest {

    private static final List<String> APPLICANT_PAGES = List.of("/applications/new", "/applications", "/matters",
            "/matters/" + UUID.randomUUID(), "/profile", "/profile/edit", "/applications/" + UUID.randomUUID());

    @Autowired
    MockMvc mvc;

    @Test
    void refusesTheApplicantsPagesToReviewersAndAuditors() throws Exception {
        for (OidcLoginRequestPostProcessor staff : List.of(reviewer("staff-home-r"), auditor("staff-home-a"))) {
            for (String page : APPLICANT_PAGES) {
                int status = mvc.perform(get(page).with(staff)).andReturn().getResponse().getStatus();
                assertThat(status).as("GET " + page).isEqualTo(403);
            }
            mvc.perform(post("/applications").param("services", "rent-subsidy").with(csrf()).with(staff))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/profile").param("phone", "13800138000").with(csrf()).with(staff))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void leadsAReviewerToTheReviewWorkbench() throws Exception {
        String home = home(reviewer("staff-home-r"));
        assertThat(home).contains("id=\"staff-work\"").contains("id=\"review-queue\" class=\"button\" href=\"/review\"")
                .doesNotContain("id=\"audit-home\"").doesNotContain("id=\"start-application\"")
                .doesNotContain("href=\"/matters\"").doesNotContain("href=\"/applications/new\"");
    }

    @Test
    void leadsAnAuditorToTheAuditChain() throws Exception {
        String home = home(auditor("staff-home-a"));
        assertThat(home).contains("id=\"staff-work\"").contains("id=\"audit-home\" class=\"button\" href=\"/audit\"")
                .doesNotContain("id=\"review-queue\"").doesNotContain("id=\"start-application\"")
                .doesNotContain("href=\"/matters\"").doesNotContain("href=\"/applications/new\"");
    }

    private String home(OidcLoginRequestPostProcessor who) throws Exception {
        return mvc.perform(get("/").with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
