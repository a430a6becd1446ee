package cn.gov.jieyang.talent.portal.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jieyang.talent.portal.PortalTest;
import cn.gov.jieyang.talent.portal.catalogue.TestCalls;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A service whose time limit is "per the year's call" (以当年申报通知为准) has a call with a window and a
 * notice: the applicant sees them when choosing services, and a call past its closing day takes no
 * new applications.
 */
@PortalTest
class CallWindowPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theChoosePageShowsTheCallWindowOfEachPerCallService() throws Exception {
        String page = choosePage();

        for (String service : new String[] {"talent-recognition", "chief-technician", "research-station-funding",
                "rent-subsidy"}) {
            assertThat(page).as(service).containsPattern("id=\"call-" + service + "\"[^>]*>[^<]*申报时间：\\d{4}-\\d{2}-\\d{2}");
        }
        // A working-day limit has no call.
        assertThat(page).doesNotContain("id=\"call-skill-appraisal\"");
    }

    @Test
    void theChoosePageLinksTheNoticeOfTheCall() throws Exception {
        TestCalls.whileChanged(jdbc, "rent-subsidy", "notice_title = '关于开展2026年度高层次人才租房补贴申报工作的通知', "
                + "notice_url = 'https://hrss.example.gov.cn/notice/2026-rent'", () -> assertThat(choosePage()).contains(
                        "id=\"notice-rent-subsidy\" href=\"https://hrss.example.gov.cn/notice/2026-rent\"",
                        "关于开展2026年度高层次人才租房补贴申报工作的通知"));
    }

    @Test
    void aCallPastItsClosingDayIsShownClosedAndTakesNoNewApplication() throws Exception {
        TestCalls.whileChanged(jdbc, "rent-subsidy", TestCalls.CLOSED_ON_31_JANUARY_2026, () -> {
            String page = choosePage();
            assertThat(page).containsPattern("id=\"service-rent-subsidy\"[^>]*disabled");
            assertThat(page).contains("申报时间：2026-01-05 至 2026-01-31", "申报已于 2026-01-31 截止");

            Applicants a = Applicants.individual(jdbc);
            String refused = mvc.perform(post("/applications").param("service", "rent-subsidy").with(a.login()).with(csrf()))
                    .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
            assertThat(refused).contains("高层次人才租房补贴");
        });
    }

    private String choosePage() throws Exception {
        Applicants a = Applicants.individual(jdbc);
        return mvc.perform(get("/applications/new").with(a.login())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }
}
