package cn.gov.jieyang.talent.portal.application;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Drives the application pages through MockMvc as a browser would (with CSRF tokens). */
record DraftDriver(MockMvc mvc, JdbcClient jdbc) {

    /** A minimal valid PDF's worth of bytes (the content check reads the first bytes only). */
    static byte[] pdf(String text) {
        return ("%PDF-1.4\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] png() {
        return new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    }

    /** A valid answer for every field of the catalogue (only the draft's own fields are read). */
    static Map<String, String> allAnswers() {
        Map<String, String> answers = new java.util.HashMap<>(Map.of("contact-phone", "13800000000",
                "contact-address", "揭阳市榕城区临江北路1号", "current-employer", "揭阳某机械厂", "job-title", "车间主任",
                "highest-education", "本科", "professional-title", "高级工程师", "skill-level", "高级技师",
                "talent-category", "C类", "main-achievements", "改进了生产线", "station-name", "博士工作站"));
        answers.putAll(Map.of("funding-amount", "50000", "rent-start-date", "2026-01-01", "monthly-rent", "1500.50",
                "bank-name", "中国银行揭阳分行", "bank-account", "6217000000000000000"));
        return answers;
    }

    UUID create(Applicants who, String... services) throws Exception {
        MockHttpServletRequestBuilder request = post("/applications").with(who.login()).with(csrf());
        for (String service : services) {
            request.param("service", service);
        }
        String location = mvc.perform(request).andReturn().getResponse().getRedirectedUrl();
        if (location == null || !location.startsWith("/applications/")) {
            throw new AssertionError("no draft created, redirect was " + location);
        }
        return UUID.fromString(location.substring("/applications/".length()));
    }

    ResultActions upload(Applicants who, UUID id, String material, String fileName, byte[] bytes) throws Exception {
        return mvc.perform(post("/applications/{id}/materials/{code}", id, material)
                .with(who.login()).with(MaterialForm.upload(fileName, bytes, true)));
    }

    void uploadOk(Applicants who, UUID id, String material, String fileName, byte[] bytes) throws Exception {
        int status = upload(who, id, material, fileName, bytes).andReturn().getResponse().getStatus();
        if (status != 302) {
            throw new AssertionError("upload of " + material + " answered " + status);
        }
    }

    ResultActions saveForm(Applicants who, UUID id, Map<String, String> answers) throws Exception {
        MockHttpServletRequestBuilder request = post("/applications/{id}/form", id).with(who.login()).with(csrf());
        answers.forEach((field, value) -> request.param("field-" + field, value));
        return mvc.perform(request);
    }

    int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    int files(UUID id, String material) {
        return count("select count(*) from application_material where application_id = ? and material_code = ?",
                id, material);
    }

    String uuidOfFirstFile(UUID id, String material) {
        return jdbc.sql("select id::text from application_material where application_id = ? and material_code = ? "
                + "order by uploaded_at limit 1").params(id, material).query(String.class).single();
    }
}
