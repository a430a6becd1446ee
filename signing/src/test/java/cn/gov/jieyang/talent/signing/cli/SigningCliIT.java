package cn.gov.jieyang.talent.signing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.signing.Zips;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The auditors' tool end to end, as a separate process: exit codes and what it prints. */
class SigningCliIT {

    @TempDir
    static Path dir;

    private static Path genuine;

    @BeforeAll
    static void createCaAndSignAPackage() throws Exception {
        assertThat(Cli.run(dir, "dev-ca", "--out", "ca").exitCode()).isZero();
        Files.write(dir.resolve("id-card.pdf"), "%PDF-1.7 identity card".getBytes(StandardCharsets.US_ASCII));
        Files.write(dir.resolve("form.pdf"), "%PDF-1.7 application form".getBytes(StandardCharsets.US_ASCII));
        Files.writeString(dir.resolve("summary.json"), "{\"applicationId\": \"APP-1\", \"services\": [\"rent-subsidy\"]}");
        Cli.Result signed = Cli.run(dir, "sign", "--key", "ca/seal.p12", "--crl", "ca/ca.crl", "--out",
                "genuine.asice", "--summary", "summary.json", "id-card.pdf", "form.pdf");
        assertThat(signed.exitCode()).as(signed.err()).isZero();
        genuine = dir.resolve("genuine.asice");
    }

    @Test
    void devCaWritesTheCaItsCrlBothSealsAndTheTsaKey() {
        assertThat(dir.resolve("ca")).isDirectoryContaining("glob:**/ca.pem").isDirectoryContaining("glob:**/ca.crl")
                .isDirectoryContaining("glob:**/seal.p12").isDirectoryContaining("glob:**/seal-sm2.p12")
                .isDirectoryContaining("glob:**/tsa.p12");
    }

    @Test
    void verifiesAGenuinePackageWithExitCodeZero() {
        Cli.Result r = Cli.run(dir, "verify", "--trust", "ca/ca.pem", "genuine.asice");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("TOTAL_PASSED", "DEVELOPMENT bureau seal (P-256)", "OK         id-card.pdf",
                "application-summary.json", "chain:    VALID");
    }

    @Test
    void signsAndVerifiesWithTheSm2Seal() {
        assertThat(Cli.run(dir, "sign", "--key", "ca/seal-sm2.p12", "--crl", "ca/ca.crl", "--out", "sm2.asice",
                "id-card.pdf").exitCode()).isZero();

        Cli.Result r = Cli.run(dir, "verify", "--trust", "ca/ca.pem", "--json", "sm2.asice");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("\"indication\": \"TOTAL_PASSED\"", "\"signatureAlgorithm\": \"SM3withSM2\"");
    }

    static Stream<Arguments> tamperings() {
        return Stream.of(
                Arguments.of("one byte of a file changed", "MODIFIED", (Consumer<List<Map.Entry<String, byte[]>>>) e -> {
                    byte[] b = Zips.get(e, "form.pdf").clone();
                    b[b.length - 1] ^= 1;
                    Zips.put(e, "form.pdf", b);
                }),
                Arguments.of("a file added", "UNEXPECTED", (Consumer<List<Map.Entry<String, byte[]>>>) e ->
                        Zips.add(e, "added.pdf", "%PDF-1.7 added".getBytes(StandardCharsets.US_ASCII))),
                Arguments.of("a file removed", "MISSING", (Consumer<List<Map.Entry<String, byte[]>>>) e ->
                        Zips.remove(e, "form.pdf")),
                Arguments.of("a file renamed", "UNEXPECTED", (Consumer<List<Map.Entry<String, byte[]>>>) e -> {
                    byte[] b = Zips.get(e, "form.pdf");
                    Zips.remove(e, "form.pdf");
                    Zips.add(e, "form-renamed.pdf", b);
                }),
                Arguments.of("the manifest edited", "HASH_FAILURE", (Consumer<List<Map.Entry<String, byte[]>>>) e -> {
                    String m = new String(Zips.get(e, "META-INF/ASiCManifest.xml"), StandardCharsets.UTF_8);
                    Zips.put(e, "META-INF/ASiCManifest.xml",
                            m.replace("application/pdf", "image/png").getBytes(StandardCharsets.UTF_8));
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tamperings")
    void reportsATamperedPackageWithExitCodeOne(String what, String expectedVerdict,
                                                Consumer<List<Map.Entry<String, byte[]>>> tamper) {
        List<Map.Entry<String, byte[]>> entries = Zips.read(genuine);
        tamper.accept(entries);
        Zips.write(dir.resolve("tampered.asice"), entries);

        Cli.Result r = Cli.run(dir, "verify", "--trust", "ca/ca.pem", "--json", "tampered.asice");

        assertThat(r.exitCode()).as(what).isEqualTo(1);
        assertThat(r.out()).contains("\"indication\": \"TOTAL_FAILED\"").contains(expectedVerdict);
    }

    @Test
    void reportsAnotherValidSignatureSwappedInWithExitCodeOne() {
        assertThat(Cli.run(dir, "sign", "--key", "ca/seal.p12", "--crl", "ca/ca.crl", "--out", "other.asice",
                "form.pdf").exitCode()).isZero();
        List<Map.Entry<String, byte[]>> entries = Zips.read(genuine);
        Zips.put(entries, "META-INF/signature.p7s",
                Zips.get(Zips.read(dir.resolve("other.asice")), "META-INF/signature.p7s"));
        Zips.write(dir.resolve("swapped.asice"), entries);

        Cli.Result r = Cli.run(dir, "verify", "--trust", "ca/ca.pem", "swapped.asice");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("TOTAL_FAILED / HASH_FAILURE");
    }

    @Test
    void isIndeterminateWithExitCodeOneWhenNoTrustAnchorIsGiven() {
        Cli.Result r = Cli.run(dir, "verify", "genuine.asice");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("INDETERMINATE / NO_CERTIFICATE_CHAIN_FOUND");
    }

    @Test
    void exitsWithTwoAndOneLineForAnUnreadablePackage() {
        Cli.Result r = Cli.run(dir, "verify", "--trust", "ca/ca.pem", "no-such.asice");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("error: cannot read").doesNotContain("Exception", "\tat ");
    }

    @Test
    void reportsANonZipAsInvalidWithoutAStackTrace() {
        Cli.Result r = Cli.run(dir, "verify", "--trust", "ca/ca.pem", "id-card.pdf");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("FORMAT_FAILURE", "not a ZIP");
        assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void refusesAZipBombByDefaultAndTakesALargerBoundOnlyWhenAsked() {
        // 101 MiB of zeros that the headers call 100 bytes: past the default bound of 100 MiB.
        Zips.writeWithZeros(dir.resolve("bomb.asice"), Zips.read(genuine), "bomb.bin", 101L << 20);
        Zips.declareSize(dir.resolve("bomb.asice"), "bomb.bin", 100);

        Cli.Result r = Cli.run(dir, "verify", "--trust", "ca/ca.pem", "bomb.asice");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("TOTAL_FAILED / FORMAT_FAILURE", "inflates beyond 104857600 bytes (100 MiB)");
        assertThat(Cli.run(dir, "verify", "--trust", "ca/ca.pem", "--max-size", "1MiB", "genuine.asice").exitCode())
                .isZero();
        Cli.Result ambiguous = Cli.run(dir, "verify", "--trust", "ca/ca.pem", "--max-size", "100MB", "genuine.asice");
        assertThat(ambiguous.exitCode()).isEqualTo(2);
        assertThat(ambiguous.err()).contains("--max-size must be a size such as 100MiB");
    }

    @Test
    void exitsWithTwoOnAUsageError() {
        assertThat(Cli.run(dir, "verify").exitCode()).isEqualTo(2);
        assertThat(Cli.run(dir, "sign", "--out", "x.asice", "form.pdf").exitCode()).isEqualTo(2);
        assertThat(Cli.run(dir, "frobnicate").exitCode()).isEqualTo(2);
    }

    @Test
    void refusesAWrongPasswordWithExitCodeTwoAndNeverPrintsIt() throws Exception {
        Files.writeString(dir.resolve("wrong.txt"), "not-the-password\n");

        Cli.Result r = Cli.run(dir, "sign", "--key", "ca/seal.p12", "--password-file", "wrong.txt", "--out",
                "never.asice", "form.pdf");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("wrong password").doesNotContain("not-the-password", Cli.PASSWORD);
        assertThat(dir.resolve("never.asice")).doesNotExist();
    }

    @Test
    void readsThePasswordFromAFile() throws Exception {
        Files.writeString(dir.resolve("pw.txt"), Cli.PASSWORD + "\n");

        assertThat(Cli.run(dir, "sign", "--key", "ca/seal.p12", "--password-file", "pw.txt", "--crl", "ca/ca.crl",
                "--out", "from-file.asice", "form.pdf").exitCode()).isZero();
    }
}
