package cn.gov.jieyang.talent.portal.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jieyang.talent.portal.PortalTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * After submission everything is read-only (409) except the files of materials a returned case needs,
 * which the resubmission path relies on.
 */
@PortalTest
class SubmittedApplicationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    DraftDriver driver;
    Applicants a;
    UUID id;

    @BeforeEach
    void submittedWithTalentRecognitionReturned() throws Exception {
        driver = new DraftDriver(mvc, jdbc);
        a = Applicants.individual(jdbc);
        id = driver.create(a, "talent-recognition", "rent-subsidy");
        driver.saveForm(a, id, DraftDriver.allAnswers()).andExpect(status().is3xxRedirection());
        driver.uploadOk(a, id, "talent-recognition-application-form", "1.pdf", DraftDriver.pdf("one " + id));
        driver.uploadOk(a, id, "talent-recognition-application-form", "2.pdf", DraftDriver.pdf("two " + id));
        driver.uploadOk(a, id, "rent-subsidy-application-form", "rent.pdf", DraftDriver.pdf("rent " + id));
        // What the submission and review features do, written directly:
        jdbc.sql("update application set status = 'submitted', submitted_at = now() where id = ?").param(id).update();
        jdbc.sql("update application_case set state = 'pending' where application_id = ?").param(id).update();
        jdbc.sql("update application_case set state = 'returned', return_reason = '请补充认定条件证明' "
                + "where application_id = ? and service_code = 'talent-recognition'").param(id).update();
    }

    @Test
    void theCheckPageOfASubmittedApplicationSaysSoAndOffersNoChangeOrSubmit() throws Exception {
        String page = mvc.perform(get("/applications/{id}/check", id).with(a.login()))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"submitted-notice\"", "href=\"/matters/" + id + "\"");
        assertThat(page).doesNotContain("id=\"change-", "id=\"submit-form\"", "id=\"submit-application\"");
    }

    @Test
    void acceptsFilesForAMaterialOfTheReturnedCase() throws Exception {
        driver.uploadOk(a, id, "talent-recognition-criteria-evidence", "proof.pdf", DraftDriver.pdf("proof " + id));
        assertThat(driver.files(id, "talent-recognition-criteria-evidence")).isEqualTo(1);
        mvc.perform(get("/applications/{id}/materials/talent-recognition-criteria-evidence", id).with(a.login()))
                .andExpect(content().string(containsString("id=\"upload-form\"")));
    }

    @Test
    void replacesTheOnlyFileOfAReturnedMaterialInOneStepAndKeepsItWhenTheNewOneIsRefused() throws Exception {
        String material = "talent-recognition-criteria-evidence";
        driver.uploadOk(a, id, material, "old.pdf", DraftDriver.pdf("old proof " + id));
        String old = driver.uuidOfFirstFile(id, material);
        mvc.perform(get("/applications/{id}/materials/{m}", id, material).with(a.login()))
                .andExpect(content().string(containsString("id=\"replace-form-" + old + "\"")))
                .andExpect(content().string(containsString("id=\"replace-" + old + "\"")));

        // a refused file (not PDF, JPEG or PNG) leaves the old one in place
        replace(material, old, "notes.txt", "just text".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest());
        assertThat(fileNames(material)).containsExactly("old.pdf");

        replace(material, old, "new.pdf", DraftDriver.pdf("new proof " + id))
                .andExpect(status().is3xxRedirection());
        assertThat(fileNames(material)).containsExactly("new.pdf");
        assertThat(driver.uuidOfFirstFile(id, material)).isNotEqualTo(old);
        assertThat(driver.count("select count(*) from audit_event where event_type = 'MaterialReplaced' "
                + "and application_id = ?", id)).isEqualTo(1);

        // a material no returned case needs stays as it is
        String rent = driver.uuidOfFirstFile(id, "rent-subsidy-application-form");
        replace("rent-subsidy-application-form", rent, "rent2.pdf", DraftDriver.pdf("rent two " + id))
                .andExpect(status().isConflict());
        assertThat(fileNames("rent-subsidy-application-form")).containsExactly("rent.pdf");
    }

    @Test
    void refusesFilesForAMaterialNoReturnedCaseNeeds() throws Exception {
        driver.upload(a, id, "rent-subsidy-evidence-originals", "x.pdf", DraftDriver.pdf("x " + id))
                .andExpect(status().isConflict());
        assertThat(driver.files(id, "rent-subsidy-evidence-originals")).isZero();
        mvc.perform(get("/applications/{id}/materials/rent-subsidy-application-form", id).with(a.login()))
                .andExpect(content().string(containsString("id=\"read-only\"")))
                .andExpect(content().string(not(containsString("id=\"upload-form\""))));
    }

    @Test
    void deletesAReturnedMaterialsFileOnlyWhileAnotherRemains() throws Exception {
        List<String> files = jdbc.sql("select id::text from application_material where application_id = ? "
                + "and material_code = 'talent-recognition-application-form'").param(id).query(String.class).list();
        mvc.perform(delete("talent-recognition-application-form", files.get(0))).andExpect(status().is3xxRedirection());
        mvc.perform(delete("talent-recognition-application-form", files.get(1))).andExpect(status().isConflict());
        assertThat(driver.files(id, "talent-recognition-application-form")).isEqualTo(1);
        mvc.perform(delete("rent-subsidy-application-form", driver.uuidOfFirstFile(id, "rent-subsidy-application-form")))
                .andExpect(status().isConflict());
        assertThat(driver.files(id, "rent-subsidy-application-form")).isEqualTo(1);
    }

    @Test
    void keepsServicesAndAnswersReadOnly() throws Exception {
        driver.saveForm(a, id, DraftDriver.allAnswers()).andExpect(status().isConflict());
        mvc.perform(post("/applications/{id}/services/rent-subsidy/remove", id).with(a.login()).with(csrf()))
                .andExpect(status().isConflict());
        mvc.perform(post("/applications/{id}/services", id).param("service", "chief-technician").with(a.login()).with(csrf()))
                .andExpect(status().isConflict());
        mvc.perform(get("/applications/{id}/services", id).with(a.login())).andExpect(status().isConflict());
        assertThat(driver.count("select count(*) from application_case where application_id = ?", id)).isEqualTo(2);
        mvc.perform(get("/applications/{id}", id).with(a.login()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"submitted-notice\"")))
                .andExpect(content().string(not(containsString("id=\"remove-"))));
        mvc.perform(get("/applications/{id}/check", id).with(a.login()))
                .andExpect(content().string(not(containsString("id=\"submit-form\""))));
        mvc.perform(get("/applications").with(a.login()))
                .andExpect(content().string(not(containsString(id.toString()))));
    }

    private org.springframework.test.web.servlet.ResultActions replace(String material, String fileId, String name,
            byte[] bytes) throws Exception {
        return mvc.perform(post("/applications/{id}/materials/{m}/files/{f}/replace", id, material, fileId)
                .with(a.login()).with(MaterialForm.upload(name, bytes, true)));
    }

    private List<String> fileNames(String material) {
        return jdbc.sql("select file_name from application_material where application_id = ? and material_code = ? "
                + "order by uploaded_at").params(id, material).query(String.class).list();
    }

    private org.springframework.test.web.servlet.RequestBuilder delete(String material, String fileId) {
        return post("/applications/{id}/materials/{m}/files/{f}/delete", id, material, fileId).with(a.login()).with(csrf());
    }
}
