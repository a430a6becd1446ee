package cn.gov.jieyang.talent.signing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.security.MessageDigest;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code signing.jar dev-tsa} answers real HTTP POSTs as RFC 3161 section 3.4 has it, and nothing
 * else; {@code sign --tsa} uses it, and fails cleanly when a TSA is down.
 */
class DevTsaCliIT {

    @TempDir
    static Path dir;

    private static DevTsaProcess tsa;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTheDevelopmentTsa() throws Exception {
        assertThat(Cli.run(dir, "dev-ca", "--out", "ca").exitCode()).isZero();
        Files.write(dir.resolve("degree.pdf"), "%PDF-1.7 degree certificate".getBytes(StandardCharsets.US_ASCII));
        tsa = DevTsaProcess.start(dir, "ca/tsa.p12");
    }

    @AfterAll
    static void stopIt() throws Exception {
        tsa.close();
    }

    @Test
    void grantsATimeStampForAPostedRequest() throws Exception {
        TimeStampRequestGenerator g = new TimeStampRequestGenerator();
        g.setCertReq(true);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(new byte[] {1, 2, 3});
        TimeStampRequest request = g.generate(TSPAlgorithms.SHA256, digest, BigInteger.valueOf(4711));

        HttpResponse<byte[]> r = post(tsa.url(), "application/timestamp-query", request.getEncoded());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/timestamp-reply");
        TimeStampResponse response = new TimeStampResponse(r.body());
        assertThat(response.getStatus()).isEqualTo(PKIStatus.GRANTED);
        response.validate(request);
        assertThat(response.getTimeStampToken().getTimeStampInfo().getMessageImprintDigest()).isEqualTo(digest);
    }

    @Test
    void rejectsWhatIsNotATimeStampQuery() throws Exception {
        assertThat(http.send(HttpRequest.newBuilder(tsa.url()).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
        assertThat(post(tsa.url(), "application/json", "{}".getBytes()).statusCode()).isEqualTo(415);
        assertThat(post(tsa.url(), "application/timestamp-query", new byte[64 * 1024]).statusCode()).isEqualTo(413);
        assertThat(post(tsa.url().resolve("/other"), "application/timestamp-query", new byte[8]).statusCode())
                .isEqualTo(404);
        TimeStampResponse garbage = new TimeStampResponse(
                post(tsa.url(), "application/timestamp-query", new byte[] {1, 2, 3}).body());
        assertThat(garbage.getStatus()).isEqualTo(PKIStatus.REJECTION);
    }

    private HttpResponse<byte[]> post(URI url, String type, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(url).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aPackageTimeStampedByTheDevelopmentTsaVerifiesFiveYearsOnAndOneWithoutDoesNot() {
        String fiveYearsOn = Instant.now().plus(Duration.ofDays(5 * 365 + 1)).truncatedTo(ChronoUnit.SECONDS).toString();
        Cli.Result signed = Cli.run(dir, "sign", "--key", "ca/seal.p12", "--crl", "ca/ca.crl", "--tsa",
                tsa.url().toString(), "--out", "t.asice", "degree.pdf");
        assertThat(signed.exitCode()).as(signed.err()).isZero();
        assertThat(signed.out()).contains("time-stamped: ", "(CAdES-T)");
        assertThat(Cli.run(dir, "sign", "--key", "ca/seal.p12", "--crl", "ca/ca.crl", "--out", "b.asice",
                "degree.pdf").exitCode()).isZero();

        Cli.Result t = Cli.run(dir, "verify", "--trust", "ca/ca.pem", "--at", fiveYearsOn, "t.asice");
        Cli.Result b = Cli.run(dir, "verify", "--trust", "ca/ca.pem", "--at", fiveYearsOn, "b.asice");

        assertThat(t.exitCode()).as(t.out()).isZero();
        assertThat(t.out()).contains("TOTAL_PASSED", "Validated:  at " + fiveYearsOn, "1. VALID  signature time-stamp",
                "TSA:     CN=DEVELOPMENT time-stamping authority", "over the signature value: matches",
                "chain:   VALID", "(proven by a time-stamp)");
        assertThat(b.exitCode()).isEqualTo(1);
        assertThat(b.out()).contains("INDETERMINATE / OUT_OF_BOUNDS_NO_POE", "Time-stamps: none (baseline B)");
        assertThat(Cli.run(dir, "verify", "--trust", "ca/ca.pem", "--at", "in five years", "t.asice").err())
                .startsWith("error: --at must be an ISO-8601 instant");
    }

    @Test
    void extendAddsAnArchiveTimeStampThatVerifies() {
        assertThat(Cli.run(dir, "sign", "--key", "ca/seal.p12", "--crl", "ca/ca.crl", "--tsa", tsa.url().toString(),
                "--out", "lta.asice", "degree.pdf").exitCode()).isZero();

        Cli.Result extended = Cli.run(dir, "extend", "--archive", "--tsa", tsa.url().toString(), "lta.asice");
        Cli.Result verified = Cli.run(dir, "verify", "--trust", "ca/ca.pem", "lta.asice");

        assertThat(extended.exitCode()).as(extended.err()).isZero();
        assertThat(extended.out()).contains("archive time-stamp at ");
        assertThat(verified.exitCode()).as(verified.out()).isZero();
        assertThat(verified.out()).contains("1. VALID  signature time-stamp", "2. VALID  archive time-stamp",
                "over the archive manifest: matches");
    }

    @Test
    void failsWithoutLeavingAFileWhenTheTsaIsDown() throws Exception {
        String down = aClosedPort();

        Cli.Result r = Cli.run(dir, "sign", "--key", "ca/seal.p12", "--crl", "ca/ca.crl", "--tsa", down,
                "--out", "down.asice", "degree.pdf");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: the TSA at " + down + " did not answer");
        assertThat(r.err().lines()).hasSize(1);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("down.asice"));
        }
    }

    @Test
    void fallsBackToBaselineBWithAWarningWhenTheTsaIsOptional() throws Exception {
        Cli.Result r = Cli.run(dir, "sign", "--key", "ca/seal.p12", "--crl", "ca/ca.crl", "--tsa", aClosedPort(),
                "--tsa-optional", "--out", "b.asice", "degree.pdf");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning: not time-stamped (baseline B");
        assertThat(dir.resolve("b.asice")).exists();
    }

    private static String aClosedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return "http://127.0.0.1:" + s.getLocalPort() + "/";
        }
    }
}
