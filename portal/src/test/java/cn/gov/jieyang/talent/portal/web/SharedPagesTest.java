package cn.gov.jieyang.talent.portal.web;

import static cn.gov.jieyang.talent.portal.login.TestLogins.faceVerified;
import static cn.gov.jieyang.talent.portal.login.TestLogins.reviewer;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jieyang.talent.portal.PortalTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** What every page shares: login required, staff pages by role, language choice. */
@PortalTest
class SharedPagesTest {

    @Autowired
    MockMvc mvc;

    @Test
    void sendsAnonymousVisitorsToTheBridgeLogin() throws Exception {
        mvc.perform(get("/matters"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/oauth2/authorization/auth-bridge"));
    }

    @Test
    void refusesTheReviewQueueToAnApplicant() throws Exception {
        mvc.perform(get("/review").with(faceVerified("shared-pages-a", "张三")))
                .andExpect(status().isForbidden());
    }

    @Test
    void refusesTheAuditPagesToAReviewer() throws Exception {
        mvc.perform(get("/audit").with(reviewer("shared-pages-r")))
                .andExpect(status().isForbidden());
    }

    @Test
    void showsReviewersTheQueueLinkAndNotTheApplicantsPages() throws Exception {
        mvc.perform(get("/").with(reviewer("shared-pages-r")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"review-queue\"")))
                .andExpect(content().string(not(containsString("id=\"start-application\""))));
    }

    @Test
    void answersAMalformedIdLikeAMissingRecord() throws Exception {
        mvc.perform(get("/review/cases/not-a-uuid").with(reviewer("shared-pages-r")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("id=\"problem-code\">not-found<")));
    }

    @Test
    void speaksEnglishWhenAsked() throws Exception {
        // Only text of the English page: the Chinese page names the portal in English too (its subtitle),
        // so the portal's name alone would pass on a page that ignored ?lang=en.
        mvc.perform(get("/").param("lang", "en").with(reviewer("shared-pages-r")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"en\"")))
                .andExpect(content().string(containsString("id=\"greeting\">Hello, 李审核<")))
                .andExpect(content().string(containsString("id=\"review-queue\" class=\"button\" href=\"/review\">Review<")))
                .andExpect(content().string(not(containsString("您好"))))
                .andExpect(content().string(not(containsString(">审核<"))));
        mvc.perform(get("/").with(reviewer("shared-pages-r")))
                .andExpect(content().string(containsString("id=\"greeting\">您好，李审核<")))
                .andExpect(content().string(not(containsString("Hello,"))));
    }
}
