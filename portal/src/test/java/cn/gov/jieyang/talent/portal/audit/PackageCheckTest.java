package cn.gov.jieyang.talent.portal.audit;

import static cn.gov.jieyang.talent.portal.login.TestLogins.auditor;
import static cn.gov.jieyang.talent.portal.login.TestLogins.faceVerified;
import static cn.gov.jieyang.talent.portal.login.TestLogins.reviewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jieyang.talent.portal.PortalTest;
import cn.gov.jieyang.talent.portal.catalogue.Catalogue;
import cn.gov.jieyang.talent.portal.storage.ContentStore;
import cn.gov.jieyang.talent.portal.submission.ApplicationFixture;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The auditor's package check page. */
@PortalTest
class PackageCheckTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ContentStore store;
    @Autowired
    Catalogue catalogue;

    ApplicationFixture.Draft d;
    byte[] asice;

    @BeforeEach
    void submitAndDownload() throws Exception {
        d = new ApplicationFixture(jdbc, store, catalogue).aDraftWith("check-" + System.nanoTime(), "rent-subsidy");
        mvc.perform(post("/applications/{id}/submit", d.id()).with(csrf()).with(faceVerified(d.subject(), "张三")))
                .andExpect(status().is3xxRedirection());
        asice = mvc.perform(get("/applications/{id}/packages/1", d.id()).with(faceVerified(d.subject(), "张三")))
                .andReturn().getResponse().getContentAsByteArray();
    }

    /** The package's entries as they are (mimetype first, stored), then {@code zeros} zero bytes deflated. */
    private static byte[] withZeros(byte[] zip, String name, long zeros) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
                ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                ZipEntry copy = new ZipEntry(e.getName());
                if (e.getMethod() == ZipEntry.STORED) {
                    CRC32 crc = new CRC32();
                    crc.update(content);
                    copy.setMethod(ZipEntry.STORED);
                    copy.setSize(content.length);
                    copy.setCrc(crc.getValue());
                }
                z.putNextEntry(copy);
                z.write(content);
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry(name));
            byte[] block = new byte[1 << 20];
            for (long left = zeros; left > 0; left -= block.length) {
                z.write(block, 0, (int) Math.min(block.length, left));
            }
            z.closeEntry();
        }
        return out.toByteArray();
    }

    private org.springframework.test.web.servlet.ResultActions check(byte[] bytes) throws Exception {
        return mvc.perform(multipart("/audit/verify").file(new MockMultipartFile("package", "p.asice",
                "application/octet-stream", bytes)).with(csrf()).with(auditor("check-auditor")));
    }

    @Test
    void reportsAGenuinePackageValidWithItsSignerAndApplication() throws Exception {
        check(asice).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("TOTAL_PASSED"), containsString("DEVELOPMENT bureau seal"),
                        containsString("id=\"verify-known\">" + d.reference()),
                        containsString("materials/id-document/1-id-document.pdf"))));

        assertThat(jdbc.sql("select count(*) from audit_event where application_id = ? and event_type = 'PackageVerified'")
                .param(d.id()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void reportsAChangedMaterialAsModified() throws Exception {
        byte[] tampered = asice.clone();
        String pdf = new String(d.materials().get("id-document"), StandardCharsets.ISO_8859_1);
        int at = new String(tampered, StandardCharsets.ISO_8859_1).indexOf(pdf) + pdf.indexOf("% ") + 3;
        tampered[at] = (byte) (tampered[at] == '0' ? '1' : '0');

        check(tampered).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("TOTAL_FAILED"), containsString("MODIFIED"))));
    }

    @Test
    void refusesAPackageThatInflatesBeyondFourTimesTheUploadLimit() throws Exception {
        // 101 MiB of zeros (about 100 KiB deflated) beside the genuine materials: past 4 x 25 MB. Its
        // headers are honest, so it is refused before anything is inflated (lying ones: signing's tests).
        byte[] bomb = withZeros(asice, "bomb.bin", 101L << 20);

        check(bomb).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("TOTAL_FAILED"), containsString("FORMAT_FAILURE"),
                        containsString("104857600 bytes (100 MiB)"), containsString("it was not checked further"),
                        containsString("解压后超过 100 MB 的材料包不予核验"))));
    }

    @Test
    void asksForAFileWhenNoneWasChosen() throws Exception {
        mvc.perform(multipart("/audit/verify").with(csrf()).with(auditor("check-auditor")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"error-summary\""), containsString("href=\"#package\""))));
    }

    @Test
    void isForAuditorsOnlyAndNeedsCsrf() throws Exception {
        mvc.perform(multipart("/audit/verify").file(new MockMultipartFile("package", asice)).with(csrf())
                .with(reviewer("check-reviewer"))).andExpect(status().isForbidden());
        mvc.perform(get("/audit/verify").with(faceVerified(d.subject(), "张三"))).andExpect(status().isForbidden());
        mvc.perform(multipart("/audit/verify").file(new MockMultipartFile("package", asice))
                .with(auditor("check-auditor"))).andExpect(status().isForbidden());
        mvc.perform(get("/audit/verify").with(auditor("check-auditor"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"verify-package\"")));
    }
}
