package cn.gov.jieyang.talent.portal.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jieyang.talent.portal.PortalTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * Applicant B guessing applicant A's ids gets the same 404 as for an id that does not exist, on every
 * route, and changes nothing; every POST without a CSRF token is refused.
 */
@PortalTest
class OwnershipAndCsrfTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void refusesAnotherApplicantsDraftOnEveryRoute() throws Exception {
        DraftDriver driver = new DraftDriver(mvc, jdbc);
        Applicants a = Applicants.individual(jdbc);
        Applicants b = Applicants.individual(jdbc);
        UUID id = driver.create(a, "talent-recognition", "rent-subsidy");
        driver.saveForm(a, id, DraftDriver.allAnswers()).andExpect(status().is3xxRedirection());
        driver.uploadOk(a, id, "id-document", "id.pdf", DraftDriver.pdf("a's id"));
        UUID fileId = UUID.fromString(driver.uuidOfFirstFile(id, "id-document"));
        String answersBefore = answers(id);

        for (AbstractMockHttpServletRequestBuilder<?> request : routes(id, fileId)) {
            mvc.perform(request.with(b.login()).with(csrf()))
                    .andExpect(status().isNotFound())
                    .andExpect(content().string(containsString("application.not-found")));
        }
        // the same answer as for an id that does not exist
        for (AbstractMockHttpServletRequestBuilder<?> request : routes(UUID.randomUUID(), fileId)) {
            mvc.perform(request.with(a.login()).with(csrf())).andExpect(status().isNotFound());
        }
        assertThat(driver.count("select count(*) from application_case where application_id = ?", id)).isEqualTo(2);
        assertThat(driver.files(id, "id-document")).isEqualTo(1);
        assertThat(driver.count("select count(*) from application_material where application_id = ?", id)).isEqualTo(1);
        assertThat(answers(id)).isEqualTo(answersBefore);
        // and A still sees it all
        mvc.perform(get("/applications/{id}/files/{f}", id, fileId).with(a.login())).andExpect(status().isOk());
    }

    @Test
    void refusesEveryPostWithoutACsrfToken() throws Exception {
        DraftDriver driver = new DraftDriver(mvc, jdbc);
        Applicants a = Applicants.individual(jdbc);
        UUID id = driver.create(a, "talent-recognition", "rent-subsidy");
        driver.uploadOk(a, id, "id-document", "id.pdf", DraftDriver.pdf("id"));
        UUID fileId = UUID.fromString(driver.uuidOfFirstFile(id, "id-document"));
        List<AbstractMockHttpServletRequestBuilder<?>> posts = List.<AbstractMockHttpServletRequestBuilder<?>>of(
                post("/applications").param("service", "rent-subsidy"),
                post("/applications/{id}/services", id).param("service", "chief-technician"),
                post("/applications/{id}/services/rent-subsidy/remove", id),
                post("/applications/{id}/form", id).param("field-contact-phone", "1"),
                post("/applications/{id}/materials/id-document", id)
                        .with(MaterialForm.upload("b.pdf", DraftDriver.pdf("other"), false)),
                post("/applications/{id}/materials/id-document/files/{f}/delete", id, fileId),
                post("/applications/{id}/materials/id-document/files/{f}/replace", id, fileId)
                        .with(MaterialForm.upload("c.pdf", DraftDriver.pdf("other c"), false)));
        for (AbstractMockHttpServletRequestBuilder<?> request : posts) {
            mvc.perform(request.with(a.login())).andExpect(status().isForbidden());
        }
        assertThat(driver.count("select count(*) from application where applicant_subject = ?", a.subject())).isEqualTo(1);
        assertThat(driver.count("select count(*) from application_case where application_id = ?", id)).isEqualTo(2);
        assertThat(driver.files(id, "id-document")).isEqualTo(1);
        assertThat(driver.count("select count(*) from application_answer where application_id = ?", id)).isZero();
    }

    private static List<AbstractMockHttpServletRequestBuilder<?>> routes(UUID id, UUID fileId) {
        return List.<AbstractMockHttpServletRequestBuilder<?>>of(
                get("/applications/{id}", id),
                get("/applications/{id}/form", id),
                post("/applications/{id}/form", id).param("field-contact-phone", "13900000000"),
                get("/applications/{id}/services", id),
                post("/applications/{id}/services", id).param("service", "chief-technician"),
                post("/applications/{id}/services/rent-subsidy/remove", id),
                get("/applications/{id}/materials/id-document", id),
                post("/applications/{id}/materials/id-document", id)
                        .with(MaterialForm.upload("b.pdf", DraftDriver.pdf("b's"), false)),
                post("/applications/{id}/materials/id-document/files/{f}/delete", id, fileId),
                post("/applications/{id}/materials/id-document/files/{f}/replace", id, fileId)
                        .with(MaterialForm.upload("c.pdf", DraftDriver.pdf("b's c"), false)),
                get("/applications/{id}/files/{f}", id, fileId),
                get("/applications/{id}/check", id));
    }

    private String answers(UUID id) {
        return jdbc.sql("select string_agg(field_code || '=' || value, ';' order by field_code) from application_answer "
                + "where application_id = ?").param(id).query(String.class).single();
    }
}
