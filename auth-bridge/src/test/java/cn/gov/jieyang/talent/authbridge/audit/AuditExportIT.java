package cn.gov.jieyang.talent.authbridge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.authbridge.session.Acr;
import cn.gov.jieyang.talent.authbridge.session.NewSession;
import cn.gov.jieyang.talent.authbridge.session.Sessions;
import cn.gov.jieyang.talent.authbridge.session.SubjectType;
import cn.gov.jieyang.talent.authbridge.testing.AuditSealForTests;
import cn.gov.jieyang.talent.authbridge.testing.BridgeWithFakeYuexinqian;
import cn.gov.jieyang.talent.authbridge.testing.FakeYuexinqian;
import cn.gov.jieyang.talent.signing.AuditExportReport;
import cn.gov.jieyang.talent.signing.AuditExportVerifier;
import cn.gov.jieyang.talent.signing.AuditFinding;
import cn.gov.jieyang.talent.testsupport.http.Browser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * {@code GET /audit/export}: auditors only; the export passes the real offline checker
 * ({@code signing.jar audit-verify --trust ca.pem}, the portal's), which names an edited, a deleted and a
 * cut-off event; and no stored event holds an ID number or a token.
 */
class AuditExportIT extends BridgeWithFakeYuexinqian {

    /** The CLI jar the reactor built before this module's integration tests. */
    private static final Path SIGNING_JAR = Path.of("..", "signing", "target", "signing.jar");

    @Autowired
    Sessions sessions;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path temp;

    @BeforeEach
    void someLoginsAndARefusal() {
        tokensAfterFaceLoginQuietly();
        Map<String, String> txn = openFaceTransaction(Browser.phone());
        assertThat(FakeYuexinqian.deliver(BRIDGE, "not-a-jws").statusCode()).isEqualTo(400);
        assertThat(txn).containsKey("txn");
    }

    private static void tokensAfterFaceLoginQuietly() {
        assertThat(faceLogin(Browser.phone(), BRIDGE + "/login/yuexinqian").status()).isLessThan(400);
    }

    private String sessionCookie(List<String> roles) {
        var s = sessions.start(new NewSession("u-audit-export-" + roles.size(), SubjectType.INDIVIDUAL, Acr.PASSWORD,
                List.of("pwd"), "Wang Shen", null, null, roles));
        MockHttpServletResponse carrier = new MockHttpServletResponse();
        sessions.establish(s, carrier);
        return carrier.getHeader("Set-Cookie").split(";")[0];
    }

    private Path export() throws Exception {
        Browser.Page page = new Browser(Browser.DESKTOP).getWithCookie(BRIDGE + "/audit/export",
                sessionCookie(List.of("auditor")));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.response().headers().firstValue("Content-Type").orElse("")).startsWith("application/jsonl");
        assertThat(page.response().headers().firstValue("Cache-Control")).hasValue("no-store");
        return Files.writeString(temp.resolve("bridge-export.jsonl"), page.body(), StandardCharsets.UTF_8);
    }

    @Test
    void isForAuditorsOnly() {
        Browser.Page anonymous = new Browser(Browser.DESKTOP).get(BRIDGE + "/audit/export");
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.location()).endsWith("/login");
        Browser.Page individual = new Browser(Browser.DESKTOP).getWithCookie(BRIDGE + "/audit/export",
                sessionCookie(List.of("individual", "reviewer")));
        assertThat(individual.status()).isEqualTo(403);
        assertThat(individual.body()).doesNotContain("\"kind\"");
    }

    @Test
    void theExportPassesTheOfflineCheckerAndEndsWithTheAuditorsExportSealed() throws Exception {
        Path file = export();

        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).startsWith("{\"kind\":\"audit-export\",\"format\":1,\"chain\":\"auth-bridge\",");
        assertThat(lines).anyMatch(l -> l.contains("\"event_type\":\"LoginSucceeded\""))
                .anyMatch(l -> l.contains("\"event_type\":\"CallbackRefused\""))
                .anyMatch(l -> l.contains("\"event_type\":\"SigningKeyRotated\""))
                .anyMatch(l -> l.contains("\"event_type\":\"AuditExported\"") && l.contains("\"actor_role\":\"AUDITOR\""));
        AuditExportReport report = verifier().verify(file);
        assertThat(report.isIntact()).as(report.findings().toString()).isTrue();
        assertThat(report.chain()).isEqualTo("auth-bridge");
        assertThat(report.eventsAfterNewestCheckpoint()).as("the checkpoint made before the export").isZero();
        assertThat(report.newestUsedCheckpoint()).hasValueSatisfying(c -> assertThat(c.sealed().isTimeStamped()).isTrue());
        assertThat(report.warnings()).isEmpty();

        Cli cli = auditVerify(file);
        assertThat(cli.exit()).as(cli.output()).isZero();
    }

    @Test
    void theCheckerNamesAnEditedEvent() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(export()));
        int i = indexOf(lines, "reason=not_a_jws");
        lines.set(i, lines.get(i).replace("reason=not_a_jws", "reason=replayed_jti"));
        Path edited = Files.write(temp.resolve("edited.jsonl"), lines);

        AuditFinding first = verifier().verify(edited).firstBroken().orElseThrow();
        assertThat(first.kind()).isEqualTo(AuditFinding.Kind.EDITED);
        assertThat(first.seq()).isEqualTo(seqOf(lines.get(i)));
        Cli cli = auditVerify(edited);
        assertThat(cli.exit()).isEqualTo(1);
        assertThat(cli.output()).contains("event " + seqOf(lines.get(i))).contains("was edited");
    }

    @Test
    void theCheckerNamesADeletedEvent() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(export()));
        int i = indexOf(lines, "\"event_type\":\"LoginSucceeded\"");
        long deleted = seqOf(lines.remove(i));
        Path cut = Files.write(temp.resolve("deleted.jsonl"), lines);

        AuditFinding first = verifier().verify(cut).firstBroken().orElseThrow();
        assertThat(first.kind()).isEqualTo(AuditFinding.Kind.DELETED);
        assertThat(first.seq()).isGreaterThan(deleted);
        assertThat(auditVerify(cut).exit()).isEqualTo(1);
    }

    /** The tail cut off and the end line made to agree: only the sealed checkpoint can tell. */
    @Test
    void theCheckerNamesATruncatedTail() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(export()));
        String end = lines.remove(lines.size() - 1);
        long last = seqOf(lines.remove(lines.size() - 1));
        long events = lines.stream().filter(l -> l.startsWith("{\"kind\":\"event\"")).count();
        lines.add(end.replaceFirst("\"events\":\\d+", "\"events\":" + events));
        Path truncated = Files.write(temp.resolve("truncated.jsonl"), lines);

        AuditFinding first = verifier().verify(truncated).firstBroken().orElseThrow();
        assertThat(first.kind()).isEqualTo(AuditFinding.Kind.TRUNCATED);
        assertThat(first.seq()).isEqualTo(last);
        Cli cli = auditVerify(truncated);
        assertThat(cli.exit()).isEqualTo(1);
        assertThat(cli.output()).contains("cut off");
    }

    /** Every stored event, whoever recorded it: no ID number, no JWT, no base64 of either. */
    @Test
    void noStoredEventHoldsAnIdNumberOrAToken() {
        List<String> rows = jdbc.sql("select actor_subject || ' ' || event_type || ' ' || detail from audit_event")
                .query(String.class).list();

        assertThat(rows).hasSizeGreaterThan(3).allSatisfy(r -> assertThat(r)
                .doesNotContain(FakeYuexinqian.ID_NUMBER).doesNotContain("eyJ").doesNotContainPattern("\\d{15}")
                .doesNotContain("."));
    }

    private static AuditExportVerifier verifier() {
        return AuditExportVerifier.builder().trustAnchor(AuditSealForTests.get().ca()).build();
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        throw new AssertionError("no line with " + part);
    }

    private static long seqOf(String line) {
        return Long.parseLong(line.replaceFirst(".*?\"seq\":(\\d+).*", "$1"));
    }

    private record Cli(int exit, String output) {
    }

    /** {@code java -jar signing/target/signing.jar audit-verify EXPORT --trust ca.pem}, as an auditor runs it. */
    private Cli auditVerify(Path export) throws Exception {
        assertThat(SIGNING_JAR).as("the signing CLI (the reactor packages it first)").isRegularFile();
        Path out = temp.resolve("cli-" + System.nanoTime() + ".txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                SIGNING_JAR.toString(), "audit-verify", export.toString(), "--trust",
                AuditSealForTests.get().caPem().toString()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Cli(p.exitValue(), Files.readString(out));
    }
}
