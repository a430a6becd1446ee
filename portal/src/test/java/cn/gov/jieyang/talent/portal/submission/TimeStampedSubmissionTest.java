package cn.gov.jieyang.talent.portal.submission;

import static cn.gov.jieyang.talent.portal.login.TestLogins.auditor;
import static cn.gov.jieyang.talent.portal.login.TestLogins.faceVerified;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jieyang.talent.portal.catalogue.Catalogue;
import cn.gov.jieyang.talent.portal.sealing.MaterialFile;
import cn.gov.jieyang.talent.portal.sealing.PackageSealer;
import cn.gov.jieyang.talent.portal.sealing.PackageSealingException;
import cn.gov.jieyang.talent.portal.sealing.PackageSummary;
import cn.gov.jieyang.talent.portal.sealing.SealKey;
import cn.gov.jieyang.talent.portal.sealing.SealedPackage;
import cn.gov.jieyang.talent.portal.sealing.TestTsa;
import cn.gov.jieyang.talent.portal.sealing.TimeStampProperties;
import cn.gov.jieyang.talent.portal.storage.ContentStore;
import cn.gov.jieyang.talent.portal.storage.StorageProperties;
import cn.gov.jieyang.talent.portal.storage.StoredContent;
import cn.gov.jieyang.talent.signing.DevelopmentCa;
import cn.gov.jieyang.talent.signing.Indication;
import cn.gov.jieyang.talent.signing.PackageVerifier;
import cn.gov.jieyang.talent.signing.PkiFiles;
import cn.gov.jieyang.talent.signing.SigningKey;
import cn.gov.jieyang.talent.signing.TimeStampVerdict;
import cn.gov.jieyang.talent.signing.VerificationReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Submissions sealed with a time-stamping authority configured ({@code portal.sealing.tsa.url}): the
 * development TSA of the signing library, over real HTTP in this JVM, whose key comes from the same
 * development CA as the seal (as under {@code ./run}), so the auditor's check trusts both. Its own
 * context (the TSA's URL is a property), with its own database on the shared PostgreSQL.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class TimeStampedSubmissionTest {

    private static final String SEAL_PASSWORD = "time-stamp-test-seal";
    private static Path sealDir;
    private static TestTsa tsa;

    @DynamicPropertySource
    static void sealAndTsa(DynamicPropertyRegistry registry) throws IOException {
        sealDir = Files.createTempDirectory("portal-tsa-test-seal");
        DevelopmentCa.generate().writeTo(sealDir, SEAL_PASSWORD.toCharArray());
        tsa = TestTsa.start(SigningKey.fromPkcs12(sealDir.resolve(DevelopmentCa.TSA_P12), SEAL_PASSWORD.toCharArray()));
        registry.add("portal.seal.dir", sealDir::toString);
        registry.add("portal.seal.password", () -> SEAL_PASSWORD);
        registry.add("portal.sealing.tsa.url", () -> tsa.url().toString());
        registry.add("portal.sealing.tsa.timeout", () -> "3s");
    }

    @AfterAll
    static void stopTsa() {
        tsa.close();
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ContentStore store;
    @Autowired
    StorageProperties storage;
    @Autowired
    Catalogue catalogue;
    @Autowired
    SealKey seal;
    @Autowired
    Clock clock;
    @TempDir
    Path temp;

    ApplicationFixture fixtures;
    SubmissionTest.SubmittedState db;

    @BeforeEach
    void setUp() {
        tsa.start();
        fixtures = new ApplicationFixture(jdbc, store, catalogue);
        db = new SubmissionTest.SubmittedState(jdbc);
    }

    private ResultActions submit(ApplicationFixture.Draft d) throws Exception {
        return mvc.perform(post("/applications/{id}/submit", d.id()).with(csrf()).with(faceVerified(d.subject(), "张三")));
    }

    private byte[] submittedPackage(String subject) throws Exception {
        ApplicationFixture.Draft d = fixtures.aDraftWith(subject, "rent-subsidy");
        submit(d).andExpect(status().is3xxRedirection());
        return mvc.perform(get("/applications/{id}/packages/1", d.id()).with(faceVerified(d.subject(), "张三")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    private VerificationReport verify(byte[] asice, Instant at) throws IOException {
        Path file = Files.write(temp.resolve(UUID.randomUUID() + ".asice"), asice);
        return PackageVerifier.builder().trustAnchor(PkiFiles.readCertificates(sealDir.resolve(DevelopmentCa.CA_PEM)).get(0))
                .validationTime(at).build().verify(file);
    }

    @Test
    void sealsASubmissionWithATimeStampThatKeepsItValidAfterTheSealExpires() throws Exception {
        Instant before = Instant.now();
        byte[] asice = submittedPackage("tsa-sealed");

        VerificationReport now = verify(asice, Instant.now());
        assertThat(now.indication()).as(now.problems().toString()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(now.timeStamps()).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo(TimeStampVerdict.Kind.SIGNATURE);
            assertThat(t.isValid()).as(t.problems().toString()).isTrue();
            assertThat(t.tsaSubject()).isEqualTo(tsa.subject());
            assertThat(t.genTime()).isCloseTo(before, within(1, ChronoUnit.MINUTES));
        });
        // The dev seal lives three years: five years on only the time-stamp proves when it sealed.
        VerificationReport later = verify(asice, Instant.now().plus(Duration.ofDays(5 * 365)));
        assertThat(later.indication()).as(later.problems().toString()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(later.proofOfExistence()).isPresent();
    }

    @Test
    void aTsaThatIsDownFailsTheSubmissionWithARetryableMessageAndStoresNothing() throws Exception {
        ApplicationFixture.Draft d = fixtures.aDraftWith("tsa-down", "rent-subsidy");
        long packagesBefore = storedPackages();
        tsa.stop();
        try {
            submit(d).andExpect(status().isServiceUnavailable())
                    .andExpect(content().string(allOf(containsString("submission.time-stamp-unavailable"),
                            containsString("时间戳"), containsString("申请仍是草稿"), containsString("稍后"))));
            mvc.perform(post("/applications/{id}/submit", d.id()).param("lang", "en").with(csrf())
                            .with(faceVerified(d.subject(), "张三")))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(content().string(allOf(containsString("time-stamping"), containsString("still a draft"),
                            containsString("try again"), not(containsString("127.0.0.1")))));
        } finally {
            tsa.start();
        }

        db.assertUntouchedDraft(d.id());
        assertThat(storedPackages()).isEqualTo(packagesBefore);
        assertThat(leftoverTemporaryFiles()).isEmpty();
        // Retryable: once the TSA answers again, the same draft submits.
        submit(d).andExpect(status().is3xxRedirection());
        assertThat(db.status(d.id())).isEqualTo("submitted");
    }

    @Test
    void theAuditorsCheckShowsTheTimeStamp() throws Exception {
        byte[] asice = submittedPackage("tsa-audited");

        mvc.perform(multipart("/audit/verify").file(new MockMultipartFile("package", "p.asice", "application/octet-stream",
                        asice)).with(csrf()).with(auditor("tsa-auditor")).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("TOTAL_PASSED"), containsString("id=\"verify-timestamps\""),
                        containsString(tsa.subject()), containsString("id=\"verify-timestamp-1-valid\""),
                        containsString("SHA-256"), containsString("matches the signature"),
                        containsString("id=\"verify-proof-of-existence\""))));
    }

    @Test
    void withTheFallbackChosenADeadTsaSealsAtBaselineBAndWarns(CapturedOutput output) throws Exception {
        URI dead = deadTsa();
        PackageSealer fallback = new PackageSealer(store, seal, new TimeStampProperties(dead, Duration.ofSeconds(2), true),
                clock);

        SealedPackage sealed = fallback.seal(summary("JYRC-T-FALLBACK"), List.of(material()));

        assertThat(sealed.timeStampedAt()).isNull();
        VerificationReport report = verify(Files.readAllBytes(store.pathOf(sealed.sha256())), Instant.now());
        assertThat(report.indication()).as(report.problems().toString()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.timeStamps()).isEmpty();
        assertThat(output.getOut()).containsPattern("WARN .*application JYRC-T-FALLBACK package " + sealed.sha256()
                + ": not time-stamped \\(baseline B.*did not answer");
    }

    @Test
    void withoutTheFallbackADeadTsaFailsSealingAndStoresNothing() throws Exception {
        PackageSealer strict = new PackageSealer(store, seal, new TimeStampProperties(deadTsa(), Duration.ofSeconds(2),
                false), clock);
        MaterialFile material = material();
        long packagesBefore = storedPackages();

        assertThatThrownBy(() -> strict.seal(summary("JYRC-T-STRICT"), List.of(material)))
                .isInstanceOfSatisfying(PackageSealingException.class, e -> assertThat(e.reason())
                        .isEqualTo(PackageSealingException.Reason.TIME_STAMP_UNAVAILABLE))
                .hasMessageContaining("did not answer").hasMessageNotContaining("张三");

        assertThat(storedPackages()).isEqualTo(packagesBefore);
        assertThat(leftoverTemporaryFiles()).isEmpty();
    }

    /** A URL on which nothing listens: a port that was free a moment ago. */
    private static URI deadTsa() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + s.getLocalPort() + "/");
        }
    }

    private MaterialFile material() {
        StoredContent stored = store.storeMaterial(new ByteArrayInputStream(ApplicationFixture.uniquePdf()));
        return new MaterialFile("id-document", stored.sha256(), "id.pdf", "application/pdf", stored.sizeBytes());
    }

    private static PackageSummary summary(String reference) {
        return new PackageSummary(reference, UUID.randomUUID(), 1, Instant.now(),
                new PackageSummary.Applicant("tsa-service-level", "张三", "individual", "face_verified",
                        "4452**********123X", null),
                List.of(new PackageSummary.ChosenService("rent-subsidy", "高层次人才租房补贴", "local", null)), Map.of());
    }

    private long storedPackages() {
        return jdbc.sql("select count(*) from stored_file where media_type = 'application/vnd.etsi.asic-e+zip'")
                .query(Long.class).single();
    }

    private List<Path> leftoverTemporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(storage.dir().resolve("tmp"))) {
            return files.toList();
        }
    }
}
