package cn.gov.jieyang.talent.portal.submission;

import static cn.gov.jieyang.talent.portal.login.TestLogins.auditor;
import static cn.gov.jieyang.talent.portal.login.TestLogins.faceVerified;
import static cn.gov.jieyang.talent.portal.login.TestLogins.reviewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jieyang.talent.portal.PortalTest;
import cn.gov.jieyang.talent.portal.catalogue.Catalogue;
import cn.gov.jieyang.talent.portal.sealing.SealProperties;
import cn.gov.jieyang.talent.portal.storage.ContentStore;
import cn.gov.jieyang.talent.signing.FileStatus;
import cn.gov.jieyang.talent.signing.Indication;
import cn.gov.jieyang.talent.signing.PackageVerifier;
import cn.gov.jieyang.talent.signing.PkiFiles;
import cn.gov.jieyang.talent.signing.VerificationReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The signed packages: what a download holds, that it verifies against the seal's CA, and versions. */
@PortalTest
class SignedPackageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ContentStore store;
    @Autowired
    Catalogue catalogue;
    @Autowired
    SealProperties seal;
    @TempDir
    Path temp;

    ApplicationFixture fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new ApplicationFixture(jdbc, store, catalogue);
    }

    private ApplicationFixture.Draft submitted(String subject) throws Exception {
        ApplicationFixture.Draft d = fixtures.aDraftWith(subject, "talent-recognition", "title-review");
        mvc.perform(post("/applications/{id}/submit", d.id()).with(csrf()).with(faceVerified(subject, "张三")))
                .andExpect(status().is3xxRedirection());
        return d;
    }

    private byte[] download(ApplicationFixture.Draft d, int version) throws Exception {
        return mvc.perform(get("/applications/{id}/packages/{v}", d.id(), version).with(faceVerified(d.subject(), "张三")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/vnd.etsi.asic-e+zip"))
                .andExpect(header().string("Content-Disposition", containsString(
                        "attachment; filename=\"" + d.reference() + "-v" + version + ".asice\"")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn().getResponse().getContentAsByteArray();
    }

    /** Verified as an auditor would: against the CA certificate file the dev seal directory holds. */
    private VerificationReport verify(byte[] asice) throws IOException {
        Path file = Files.write(temp.resolve(UUID.randomUUID() + ".asice"), asice);
        return PackageVerifier.builder()
                .trustAnchor(PkiFiles.readCertificates(seal.dir().resolve("ca.pem")).get(0))
                .build().verify(file);
    }

    @Test
    void downloadedPackageVerifiesAndHoldsEveryMaterialByteForByte() throws Exception {
        ApplicationFixture.Draft d = submitted("package-owner");

        byte[] asice = download(d, 1);

        VerificationReport report = verify(asice);
        assertThat(report.indication()).as(report.problems().toString()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.files()).allMatch(f -> f.status() == FileStatus.OK);
        assertThat(report.signer().orElseThrow().subject()).contains("DEVELOPMENT");
        assertThat(sha256(asice)).isEqualTo(jdbc.sql("select package_sha256 from submission_package where "
                + "application_id = ?").param(d.id()).query(String.class).single());
        Map<String, byte[]> entries = unzip(asice);
        for (Map.Entry<String, byte[]> material : d.materials().entrySet()) {
            assertThat(entries).hasEntrySatisfying("materials/" + material.getKey() + "/1-" + material.getKey() + ".pdf",
                    bytes -> assertThat(bytes).isEqualTo(material.getValue()));
        }
        String summary = new String(entries.get("application-summary.json"), StandardCharsets.UTF_8);
        assertThat(summary).contains("\"reference\":\"" + d.reference() + "\"", "\"packageVersion\":1",
                "\"idNumberMasked\":\"4452**********123X\"", "\"verification\":\"face_verified\"",
                "\"code\":\"title-review\"", "\"handling\":\"handed_off\"", "\"contact-phone\":\"13800000000\"",
                d.sha256().get("id-document"));
    }

    @Test
    void resubmissionSealsVersionTwoAndKeepsVersionOneDownloadable() throws Exception {
        ApplicationFixture.Draft d = submitted("package-resubmit");
        fixtures.returnCase(d.id(), "talent-recognition", "<b>请补充</b>证明材料");
        byte[] corrected = ApplicationFixture.uniquePdf();
        fixtures.replace(d.id(), "talent-recognition-criteria-evidence", corrected);

        mvc.perform(get("/applications/{id}/submitted", d.id()).with(faceVerified(d.subject(), "张三")))
                .andExpect(content().string(allOf(containsString("id=\"resubmit\""),
                        containsString("&lt;b&gt;请补充&lt;/b&gt;证明材料"), not(containsString("<b>请补充")))));
        mvc.perform(post("/applications/{id}/resubmit", d.id()).with(csrf()).with(faceVerified(d.subject(), "张三")))
                .andExpect(status().is3xxRedirection());

        assertThat(jdbc.sql("select state || ':' || coalesce(return_reason, '-') from application_case where "
                + "application_id = ? and service_code = 'talent-recognition'").param(d.id()).query(String.class).single())
                .isEqualTo("pending:-");
        byte[] v1 = download(d, 1);
        byte[] v2 = download(d, 2);
        assertThat(verify(v1).indication()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(verify(v2).indication()).isEqualTo(Indication.TOTAL_PASSED);
        String evidence = "materials/talent-recognition-criteria-evidence/1-";
        assertThat(unzip(v1).get(evidence + "talent-recognition-criteria-evidence.pdf"))
                .isEqualTo(d.materials().get("talent-recognition-criteria-evidence"));
        assertThat(unzip(v2).get(evidence + "corrected.pdf")).isEqualTo(corrected);
        assertThat(new String(unzip(v2).get("application-summary.json"), StandardCharsets.UTF_8))
                .contains("\"packageVersion\":2");
        assertThat(jdbc.sql("select event_type from audit_event where application_id = ? order by seq")
                .param(d.id()).query(String.class).list())
                .endsWith("ApplicationResubmitted", "PackageSigned");
        mvc.perform(get("/applications/{id}/submitted", d.id()).with(faceVerified(d.subject(), "张三")))
                .andExpect(content().string(allOf(containsString("id=\"download-package-v1\""),
                        containsString("/applications/" + d.id() + "/packages/2"), not(containsString("id=\"resubmit\"")))));
    }

    @Test
    void refusesResubmissionWhenNothingWasReturned() throws Exception {
        ApplicationFixture.Draft d = submitted("package-nothing-returned");

        mvc.perform(post("/applications/{id}/resubmit", d.id()).with(csrf()).with(faceVerified(d.subject(), "张三")))
                .andExpect(status().isConflict());

        assertThat(jdbc.sql("select count(*) from submission_package where application_id = ?").param(d.id())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void letsReviewersAndAuditorsDownloadAndRecordsThatTheyDid() throws Exception {
        ApplicationFixture.Draft d = submitted("package-staff");

        mvc.perform(get("/applications/{id}/packages/1", d.id()).with(reviewer("package-reviewer")))
                .andExpect(status().isOk());
        mvc.perform(get("/applications/{id}/packages/1", d.id()).with(auditor("package-auditor")))
                .andExpect(status().isOk());
        mvc.perform(get("/applications/{id}/packages/2", d.id()).with(auditor("package-auditor")))
                .andExpect(status().isNotFound());

        assertThat(jdbc.sql("select actor_subject from audit_event where application_id = ? and event_type = "
                + "'PackageDownloaded' order by seq").param(d.id()).query(String.class).list())
                .containsExactly("package-reviewer", "package-auditor");
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
