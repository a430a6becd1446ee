package cn.gov.jieyang.talent.portal.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jieyang.talent.portal.PortalTest;
import cn.gov.jieyang.talent.portal.storage.StorageProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Uploading a material: what is accepted, what is refused (each with a message on the page and nothing
 * stored: no rows and no new file in the store), and downloading one's own file.
 */
@PortalTest
@TestPropertySource(properties = "portal.storage.max-upload-size=2KB")
class UploadTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StorageProperties storage;
    DraftDriver driver;
    Applicants a;
    UUID id;

    @BeforeEach
    void draft() throws Exception {
        driver = new DraftDriver(mvc, jdbc);
        a = Applicants.individual(jdbc);
        id = driver.create(a, "talent-recognition", "rent-subsidy");
    }

    @Test
    void storesAPdfOnceUnderItsHashAndShowsIt() throws Exception {
        byte[] bytes = DraftDriver.pdf("accepted " + UUID.randomUUID());
        driver.upload(a, id, "id-document", "身份证.pdf", bytes)
                .andExpect(redirectedUrl("/applications/" + id + "/materials/id-document?uploaded"));
        String sha = jdbc.sql("select file_sha256 from application_material where application_id = ?").param(id)
                .query(String.class).single();
        assertThat(Files.readAllBytes(storage.dir().resolve("objects").resolve(sha.substring(0, 2)).resolve(sha)))
                .isEqualTo(bytes);
        assertThat(jdbc.sql("select media_type from stored_file where sha256 = ?").param(sha).query(String.class).single())
                .isEqualTo("application/pdf");
        // the same bytes for another material are referenced, not stored again
        long before = storedObjects();
        driver.uploadOk(a, id, "one-thing-application-form", "form.pdf", bytes);
        assertThat(storedObjects()).isEqualTo(before);
        assertThat(driver.count("select count(*) from application_material where file_sha256 = ?", sha)).isEqualTo(2);

        mvc.perform(get("/applications/{id}/materials/id-document", id).param("uploaded", "").with(a.login()))
                .andExpect(content().string(containsString("身份证.pdf")))
                .andExpect(content().string(containsString("id=\"upload-done\"")))
                .andExpect(content().string(containsString("accept=\"application/pdf,image/jpeg,image/png\"")))
                .andExpect(content().string(matchesPattern("(?s).*id=\"camera\"[^>]*capture=\"environment\".*")))
                .andExpect(content().string(containsString("不超过 1 MB")));
    }

    @Test
    void refusesATextFileNamedPdf() throws Exception {
        assertRefused("x.pdf", "just some text, not a PDF".getBytes(StandardCharsets.UTF_8), "不是 PDF、JPEG 或 PNG");
    }

    @Test
    void refusesAFileOverTheLimit() throws Exception {
        byte[] big = Arrays.copyOf(DraftDriver.pdf("big"), 2049);
        Arrays.fill(big, 20, big.length, (byte) 'x');
        assertRefused("big.pdf", big, "文件超过");
    }

    @Test
    void refusesAnEmptyFile() throws Exception {
        assertRefused("empty.pdf", new byte[0], "文件是空的");
    }

    @Test
    void refusesTheSameFileForTheSameMaterialAgain() throws Exception {
        byte[] bytes = DraftDriver.pdf("twice " + UUID.randomUUID());
        driver.uploadOk(a, id, "id-document", "id.pdf", bytes);
        assertRefused("id-again.pdf", bytes, "该材料已上传过这个文件", 1);
    }

    @Test
    void keepsOnlyTheLastPartOfANameWithDotDotAndStoresByHash() throws Exception {
        byte[] bytes = DraftDriver.png();
        bytes = Arrays.copyOf(bytes, bytes.length + 8);
        bytes[bytes.length - 1] = (byte) UUID.randomUUID().hashCode();
        Path outside = storage.dir().resolve("..").resolve("evil.png").normalize();
        driver.uploadOk(a, id, "id-document", "../../evil.png", bytes);
        driver.uploadOk(a, id, "one-thing-application-form", "..\\..\\<img src=x onerror=alert(1)>.png", bytes);
        assertThat(jdbc.sql("select file_name from application_material where application_id = ? order by file_name")
                .param(id).query(String.class).list()).containsExactly("<img src=x onerror=alert(1)>.png", "evil.png");
        assertThat(outside).doesNotExist();
        try (Stream<Path> files = Files.walk(storage.dir())) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .allMatch(n -> n.matches("[0-9a-f]{64}"));
        }
        mvc.perform(get("/applications/{id}/materials/one-thing-application-form", id).with(a.login()))
                .andExpect(content().string(containsString("&lt;img src=x onerror=alert(1)&gt;.png")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("<img src=x"))));
    }

    @Test
    void letsTheOwnerDownloadTheirFileAsAnAttachment() throws Exception {
        byte[] bytes = DraftDriver.pdf("download " + UUID.randomUUID());
        driver.uploadOk(a, id, "id-document", "证件.pdf", bytes);
        String fileId = driver.uuidOfFirstFile(id, "id-document");
        mvc.perform(get("/applications/{id}/files/{f}", id, fileId).with(a.login()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(content().bytes(bytes));
    }

    @Test
    void deletesAFileFromTheDraft() throws Exception {
        driver.uploadOk(a, id, "id-document", "id.pdf", DraftDriver.pdf("delete " + UUID.randomUUID()));
        String fileId = driver.uuidOfFirstFile(id, "id-document");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/applications/{id}/materials/id-document/files/{f}/delete", id, fileId)
                        .with(a.login()).with(org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(redirectedUrl("/applications/" + id + "/materials/id-document"));
        assertThat(driver.files(id, "id-document")).isZero();
    }

    private void assertRefused(String name, byte[] bytes, String message) throws Exception {
        assertRefused(name, bytes, message, 0);
    }

    private void assertRefused(String name, byte[] bytes, String message, int rowsBefore) throws Exception {
        long objects = storedObjects();
        int storedRows = driver.count("select count(*) from stored_file");
        driver.upload(a, id, "id-document", name, bytes)
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"error-summary\"")))
                .andExpect(content().string(containsString(message)));
        assertThat(driver.files(id, "id-document")).isEqualTo(rowsBefore);
        assertThat(driver.count("select count(*) from stored_file")).isEqualTo(storedRows);
        assertThat(storedObjects()).isEqualTo(objects);
        try (Stream<Path> temp = Files.list(storage.dir().resolve("tmp"))) {
            assertThat(temp.toList()).isEmpty();
        }
    }

    private long storedObjects() throws IOException {
        try (Stream<Path> files = Files.walk(storage.dir().resolve("objects"))) {
            return files.filter(Files::isRegularFile).count();
        }
    }

}
