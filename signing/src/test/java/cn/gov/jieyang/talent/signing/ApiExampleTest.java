package cn.gov.jieyang.talent.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example in signing/README.md, compiled and run, so the README cannot drift from the API. */
class ApiExampleTest {

    @TempDir
    Path dir;

    @Test
    void theReadmeExampleSignsAndVerifies() throws Exception {
        DevelopmentCa.generate().writeTo(dir, "changeit".toCharArray());
        Path idCard = Files.writeString(dir.resolve("id-card.pdf"), "%PDF-1.7 ...");
        Path p12 = dir.resolve("seal.p12");
        Path caCrl = dir.resolve("ca.crl");
        Path caPem = dir.resolve("ca.pem");
        char[] password = "changeit".toCharArray();
        TimeStampSource tsa = DevelopmentTsa.of(SigningKey.fromPkcs12(dir.resolve("tsa.p12"), password));

        // --- README example begins ---
        SigningKey seal = SigningKey.fromPkcs12(p12, password);           // refuses weak or mismatched keys
        PackageSigner signer = PackageSigner.builder(seal)
                .crl(PkiFiles.readCrl(caCrl))                              // embedded for offline checks
                .timeStampSource(tsa)                                      // CAdES-T; TimeStampSource.http(url)
                .build();

        SignedPackage signed = signer.sign(PackageContents.builder()
                .summary(ApplicationSummary.builder()
                        .applicationId("APP-2026-000123")
                        .applicantSubject("sub-7f3a9c")                    // opaque subject, never an ID number
                        .service("chief-technician")
                        .submittedAt(Instant.now())
                        .build())
                .add(PackageEntry.of("id-card.pdf", MediaTypes.detect(idCard), idCard))
                .build(), dir.resolve("APP-2026-000123.asice"));

        VerificationReport report = PackageVerifier.builder()
                .trustAnchor(PkiFiles.readCertificates(caPem).get(0))
                .validationTime(Instant.now().plus(Duration.ofDays(5 * 365)))  // years on: the seal has expired
                .build()
                .verify(signed.path());
        System.out.println(report.indication() + " " + report.problems());   // TOTAL_PASSED []
        // --- README example ends ---

        assertThat(report.isValid()).as(report.toString()).isTrue();
        assertThat(report.proofOfExistence()).contains(signed.timeStamp());
        assertThat(signed.files()).extracting(FileDigest::name).containsExactly("application-summary.json", "id-card.pdf");
    }
}
