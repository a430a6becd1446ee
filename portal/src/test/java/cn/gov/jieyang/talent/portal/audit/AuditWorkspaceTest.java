package cn.gov.jieyang.talent.portal.audit;

import static cn.gov.jieyang.talent.portal.login.TestLogins.auditor;
import static cn.gov.jieyang.talent.portal.login.TestLogins.faceVerified;
import static cn.gov.jieyang.talent.portal.login.TestLogins.reviewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jieyang.talent.identity.IdNumber;
import cn.gov.jieyang.talent.portal.PortalTest;
import cn.gov.jieyang.talent.portal.catalogue.Catalogue;
import cn.gov.jieyang.talent.portal.identity.IdNumberProtector;
import cn.gov.jieyang.talent.portal.storage.ContentStore;
import cn.gov.jieyang.talent.portal.submission.ApplicationFixture;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The auditor's workspace: the home's links, the search of stored packages, re-verification and its reports. */
@PortalTest
class AuditWorkspaceTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ContentStore store;
    @Autowired
    Catalogue catalogue;
    @Autowired
    IdNumberProtector protector;

    ApplicationFixture.Draft d;
    String idNumber;

    @BeforeEach
    void submitAPackage() throws Exception {
        d = new ApplicationFixture(jdbc, store, catalogue).aDraftWith("ws-" + System.nanoTime(), "rent-subsidy");
        // A resident ID unique to this test run, found only through the keyed lookup hash.
        idNumber = withCheckDigit("44520219851231" + String.format("%03d", Math.floorMod(System.nanoTime(), 1000)));
        jdbc.sql("update applicant_profile set id_number_hash = ? where subject = ?")
                .params(protector.lookupHash(IdNumber.residentId(idNumber)), d.subject()).update();
        mvc.perform(post("/applications/{id}/submit", d.id()).with(csrf()).with(faceVerified(d.subject(), "张三")))
                .andExpect(status().is3xxRedirection());
    }

    /** Today /audit shows the chain only: an auditor cannot even reach the package check from it. */
    @Test
    void theAuditorsHomeLinksToSearchUploadAndExportAndItsTableTakesTheKeyboard() throws Exception {
        mvc.perform(get("/audit").with(auditor("ws-auditor"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("href=\"/audit/packages\""),
                        containsString("href=\"/audit/verify\""), containsString("href=\"/audit/export\""),
                        // axe scrollable-region-focusable: a scrolling region must be reachable by keyboard
                        containsString("class=\"table-scroll\" tabindex=\"0\" role=\"region\""))));
    }

    @Test
    void findsAStoredPackageByItsReference() throws Exception {
        mvc.perform(get("/audit/packages").param("reference", d.reference()).with(auditor("ws-auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(d.reference()),
                        containsString("href=\"/audit/packages/" + d.id() + "/1\""),
                        containsString("4452**********123X"))));
    }

    @Test
    void findsAnApplicantByTheExactIdNumberThroughTheKeyedHashAndNeverShowsIt() throws Exception {
        // By POST, so that the number is in no URL, access log, browser history or Referer; not echoed back.
        mvc.perform(post("/audit/packages").param("applicant", idNumber).with(csrf()).with(auditor("ws-auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(found()), not(containsString(idNumber)),
                        containsString("id=\"searched-id\""))));
        String other = withCheckDigit("44520219700101123");
        mvc.perform(post("/audit/packages").param("applicant", other).with(csrf()).with(auditor("ws-auditor")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(found()))));
        mvc.perform(get("/audit/packages").param("applicant", idNumber).with(auditor("ws-auditor")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"error-summary\""), not(containsString(idNumber)))));
        mvc.perform(post("/audit/packages").param("applicant", idNumber).with(auditor("ws-auditor")))
                .andExpect(status().isForbidden());
    }

    @Test
    void filtersByServiceAndSubmissionDate() throws Exception {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        mvc.perform(get("/audit/packages").param("service", "rent-subsidy").param("from", today.minusDays(1).toString())
                        .param("to", today.plusDays(1).toString()).param("reference", d.reference())
                        .with(auditor("ws-auditor")))
                .andExpect(status().isOk()).andExpect(content().string(containsString(found())));
        mvc.perform(get("/audit/packages").param("service", "talent-recognition").param("reference", d.reference())
                        .with(auditor("ws-auditor")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(found()))));
        mvc.perform(get("/audit/packages").param("to", today.minusDays(2).toString()).param("reference", d.reference())
                        .with(auditor("ws-auditor")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(found()))));
    }

    @Test
    void saysWhatIsWrongWithABadFilterInsteadOfFailing() throws Exception {
        mvc.perform(get("/audit/packages").param("from", "yesterday").with(auditor("ws-auditor")))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("id=\"error-summary\"")));
        mvc.perform(get("/audit/packages").param("service", "no-such-service").with(auditor("ws-auditor")))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("id=\"error-summary\"")));
    }

    @Test
    void reverifiesAStoredPackageOnDemandAndRecordsIt() throws Exception {
        mvc.perform(get("/audit/packages/{id}/1", d.id()).with(auditor("ws-auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("TOTAL_PASSED"),
                        containsString("id=\"verify-known\">" + d.reference()),
                        containsString("href=\"/audit/packages/" + d.id() + "/1/report.json\""))));
        assertThat(jdbc.sql("select count(*) from audit_event where application_id = ? and event_type = 'PackageReverified'")
                .param(d.id()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void givesTheReportAsJson() throws Exception {
        mvc.perform(get("/audit/packages/{id}/1/report.json", d.id()).with(auditor("ws-auditor")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("application/json")))
                .andExpect(jsonPath("$.indication").value("TOTAL_PASSED"));
    }

    @Test
    void givesTheReportAsAPdfSealedByTheBureauOverEveryByte() throws Exception {
        byte[] pdf = mvc.perform(get("/audit/packages/{id}/1/report.pdf", d.id()).with(auditor("ws-auditor")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        java.nio.file.Files.write(java.nio.file.Path.of("target", "audit-report-sample.pdf"), pdf);   // for a look

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains(d.reference(), "TOTAL_PASSED", "4452**********123X")
                    .doesNotContain(idNumber);
            PDSignature signature = doc.getSignatureDictionaries().get(0);
            int[] range = signature.getByteRange();
            assertThat(range[0]).isZero();
            assertThat(range[2] + range[3]).as("the signature covers the file to its last byte").isEqualTo(pdf.length);
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(pdf)),
                    cmsOf(signature.getContents(pdf)));
            SignerInformation si = cms.getSignerInfos().getSigners().iterator().next();
            X509CertificateHolder cert = (X509CertificateHolder) cms.getCertificates().getMatches(si.getSID())
                    .iterator().next();
            assertThat(cert.getSubject().toString()).contains("DEVELOPMENT bureau seal");
            assertThat(si.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert))).isTrue();

            byte[] changed = pdf.clone();
            int at = 20;   // inside the first object, well before the signature
            changed[at] ^= 1;
            CMSSignedData onChanged = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(changed)),
                    cmsOf(signature.getContents(pdf)));
            SignerInformation si2 = onChanged.getSignerInfos().getSigners().iterator().next();
            assertThatThrownBy(() -> si2.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert)))
                    .isInstanceOf(org.bouncycastle.cms.CMSSignerDigestMismatchException.class);
        }
        assertThat(jdbc.sql("select count(*) from audit_event where application_id = ? and event_type = 'PackageReverified' "
                + "and detail like '%format=pdf%'").param(d.id()).query(Integer.class).single()).isEqualTo(1);
    }

    /**
     * An outside PDF tool agrees: poppler's {@code pdfsig} (Debian's poppler-utils, which .ci/run installs)
     * finds the whole document signed and the signature valid. Only the certificate's trust is left to
     * the reader, who trusts the bureau's CA or not.
     */
    @Test
    void popplersPdfsigFindsTheWholeReportSignedAndTheSignatureValid(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        boolean hasPdfsig = java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/pdfsig"));
        org.junit.jupiter.api.Assumptions.assumeTrue(hasPdfsig || System.getenv("CI") != null,
                "pdfsig (poppler-utils) is not installed");
        java.nio.file.Path file = dir.resolve("report.pdf");
        java.nio.file.Files.write(file, mvc.perform(get("/audit/packages/{id}/1/report.pdf", d.id())
                .with(auditor("ws-auditor"))).andReturn().getResponse().getContentAsByteArray());

        Process pdfsig = new ProcessBuilder("pdfsig", file.toString()).redirectErrorStream(true).start();
        String out = new String(pdfsig.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(pdfsig.waitFor()).as(out).isZero();
        assertThat(out).contains("Total document signed", "Signature is Valid", "DEVELOPMENT bureau seal");
    }

    @Test
    void answersNotFoundForAPackageThatDoesNotExist() throws Exception {
        mvc.perform(get("/audit/packages/{id}/1", UUID.randomUUID()).with(auditor("ws-auditor")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/audit/packages/{id}/9", d.id()).with(auditor("ws-auditor")))
                .andExpect(status().isNotFound());
    }

    @Test
    void isForAuditorsOnly() throws Exception {
        mvc.perform(get("/audit/packages").with(reviewer("ws-reviewer"))).andExpect(status().isForbidden());
        mvc.perform(get("/audit/packages/{id}/1", d.id()).with(faceVerified(d.subject(), "张三")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/audit/packages/{id}/1/report.json", d.id()).with(reviewer("ws-reviewer")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/audit/packages/{id}/1/report.pdf", d.id()).with(reviewer("ws-reviewer")))
                .andExpect(status().isForbidden());
    }

    /** The CMS without the zero padding that fills the space reserved for it in the file. */
    private static byte[] cmsOf(byte[] contents) throws java.io.IOException {
        try (org.bouncycastle.asn1.ASN1InputStream in = new org.bouncycastle.asn1.ASN1InputStream(contents)) {
            return in.readObject().getEncoded();
        }
    }

    /** The result entry linking to this test's package (the reference alone is also echoed in the form). */
    private String found() {
        return "href=\"/audit/packages/" + d.id() + "/1\"";
    }

    /** GB 11643 check digit appended to 17 digits. */
    static String withCheckDigit(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }
}
