package cn.gov.jieyang.talent.signing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.signing.DevelopmentCa;
import cn.gov.jieyang.talent.signing.Resigner;
import cn.gov.jieyang.talent.signing.SigningKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audit-verify} as an auditor runs it, on a real export of the portal's chain
 * (src/test/resources/audit-export: 9 events, 7 checkpoints, event 6's time-stamped) and on copies
 * tampered with the way someone with write access to the database or the file could: an event
 * edited, deleted, two swapped, the tail cut off after a checkpoint, a checkpoint forged with another
 * key. Each time the end line is made to agree, so that only the chain and its checkpoints can tell.
 */
class AuditVerifyCliIT {

    /** An hour after the fixture was exported: the result does not depend on the day the test runs. */
    private static final String AT = "2026-12-03T14:00:00Z";
    private static final Path FIXTURE = Path.of("src", "test", "resources", "audit-export");
    private static final Pattern EVENT_SEQ = Pattern.compile("^\\{\"kind\":\"event\",\"seq\":(\\d+),");

    @TempDir
    static Path dir;

    private static List<String> genuine;

    @BeforeAll
    static void copyTheFixture() throws IOException {
        Files.copy(FIXTURE.resolve("ca.pem"), dir.resolve("ca.pem"));
        genuine = Files.readAllLines(FIXTURE.resolve("export.jsonl"), StandardCharsets.UTF_8);
    }

    private static Cli.Result check(List<String> lines) throws IOException {
        return check(lines, AT);
    }

    private static Cli.Result check(List<String> lines, String at) throws IOException {
        Files.write(dir.resolve("export.jsonl"), withEndLineAgreeing(lines), StandardCharsets.UTF_8);
        return Cli.run(dir, "audit-verify", "export.jsonl", "--trust", "ca.pem", "--at", at);
    }

    /** What a careful forger does: the end line counts what the file now holds. */
    private static List<String> withEndLineAgreeing(List<String> lines) {
        List<String> out = new ArrayList<>(lines.subList(0, lines.size() - 1));
        long events = out.stream().filter(l -> l.startsWith("{\"kind\":\"event\"")).count();
        long checkpoints = out.stream().filter(l -> l.startsWith("{\"kind\":\"checkpoint\"")).count();
        out.add("{\"kind\":\"end\",\"events\":" + events + ",\"checkpoints\":" + checkpoints + "}");
        return out;
    }

    private static int eventLine(List<String> lines, long seq) {
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = EVENT_SEQ.matcher(lines.get(i));
            if (m.find() && Long.parseLong(m.group(1)) == seq) {
                return i;
            }
        }
        throw new AssertionError("no event " + seq + " in the fixture");
    }

    private static int checkpointLine(List<String> lines, long seq) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("{\"kind\":\"checkpoint\",\"chain\":\"portal\",\"seq\":" + seq + ",")) {
                return i;
            }
        }
        throw new AssertionError("no checkpoint of event " + seq + " in the fixture");
    }

    private static String field(String line, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(line);
        assertThat(m.find()).as(name).isTrue();
        return m.group(1);
    }

    @Test
    void findsARealExportIntactWithExitCodeZero() throws IOException {
        Cli.Result r = check(genuine);

        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("Result:      INTACT", "Chain:       portal", "Events:      9, the last is event 9",
                "Checkpoints: 7 (7 relied on)", "newest:    event 9 (9 events)", "seal TOTAL_PASSED by CN=DEVELOPMENT",
                "after it:  0 events");
    }

    @Test
    void namesAnEditedEvent() throws IOException {
        List<String> lines = new ArrayList<>(genuine);
        int i = eventLine(lines, 8);
        lines.set(i, lines.get(i).replace("原因：材料不全", "原因：无"));

        Cli.Result r = check(lines);

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("Result:      BROKEN  first: EDITED at event 8: event 8 (line " + (i + 1)
                + ") was edited");
    }

    @Test
    void namesWhereAnEventWasDeleted() throws IOException {
        List<String> lines = new ArrayList<>(genuine);
        lines.remove(eventLine(lines, 7));

        Cli.Result r = check(lines);

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("BROKEN  first: DELETED at event 8: event 8", "does not follow event 6",
                // The checkpoint of event 9 counted 9 events: says so too.
                "after 9 events, but the export has 8 events up to it");
    }

    @Test
    void namesTwoSwappedEvents() throws IOException {
        List<String> lines = new ArrayList<>(genuine);
        Collections.swap(lines, eventLine(lines, 7), eventLine(lines, 8));

        Cli.Result r = check(lines);

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("BROKEN  first: REORDERED at event 7: events 8 and 7", "are swapped");
    }

    @Test
    void namesATailCutOffAfterACheckpoint() throws IOException {
        List<String> lines = new ArrayList<>(genuine);
        lines.remove(eventLine(lines, 9));
        lines.remove(eventLine(lines, 8));

        Cli.Result r = check(lines);

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("BROKEN  first: TRUNCATED at event 9: the chain was cut off: it ends at event 7",
                "the checkpoint of 2026-12-03T12:59:30Z sealed event 9 as the head, after 9 events");
    }

    @Test
    void refusesACheckpointSignedByAnotherKey() throws IOException {
        // Cut the tail, drop the checkpoint that would tell, and seal the new head with a key of one's own.
        // The forger's CA is made now, after the validation time AT: its seal is "not yet valid" then, and
        // must still be refused as untrusted, not excused as a seal that merely lacks proof of existence
        // (CI of 2026-12-03 15:47 found that: exit 0, INTACT, once the clock passed AT).
        List<String> lines = new ArrayList<>(genuine);
        lines.remove(eventLine(lines, 9));
        int cp = checkpointLine(lines, 9);
        String head = field(lines.get(eventLine(lines, 8)), "hash");
        String at = "2026-12-03T12:59:31Z";
        byte[] content = ("jieyang-talent audit checkpoint v1\nchain: portal\nseq: 8\nevents: 8\nhead: " + head
                + "\nat: " + at + "\n").getBytes(StandardCharsets.UTF_8);
        DevelopmentCa other = DevelopmentCa.generate();
        SigningKey key = other.sealP256();
        byte[] forged = Resigner.with(new Resigner.Seal(key.privateKey(), key.chain(), other.crl())).sign(content);
        lines.set(cp, "{\"kind\":\"checkpoint\",\"chain\":\"portal\",\"seq\":8,\"events\":8,\"head_hash\":\"" + head
                + "\",\"at\":\"" + at + "\",\"signature\":\"" + Base64.getEncoder().encodeToString(forged)
                + "\",\"time_stamp_token\":null,\"time_stamped_at\":null,\"time_stamp_problem\":null}");

        Cli.Result r = check(lines);

        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("BROKEN  first: CHECKPOINT_REFUSED: the checkpoint on line " + (cp + 1)
                        + " (event 8, 8 events, at " + at + ") is refused: its seal is INDETERMINATE / NO_CERTIFICATE_CHAIN_FOUND",
                "does not chain to a trusted anchor", "REFUSED    event 8 (8 events)");
    }

    @Test
    void reliesOnNoCheckpointWhenAnotherCaIsTrusted() throws IOException {
        assertThat(Cli.run(dir, "dev-ca", "--out", "other-ca").exitCode()).isZero();

        Files.write(dir.resolve("export.jsonl"), genuine, StandardCharsets.UTF_8);
        Cli.Result other = Cli.run(dir, "audit-verify", "export.jsonl", "--trust", "other-ca/ca.pem", "--at", AT);

        assertThat(other.exitCode()).isEqualTo(1);
        assertThat(other.out()).contains("Checkpoints: 7 (0 relied on)", "NO_CHECKPOINT: no checkpoint can be relied on",
                "CHECKPOINT_REFUSED");
    }

    @Test
    void yearsLaterOnlyTheTimeStampedCheckpointIsReliedOn() throws IOException {
        Cli.Result r = check(genuine, "2031-12-03T00:00:00Z");

        assertThat(r.exitCode()).as(r.out()).isZero();
        assertThat(r.out()).contains("Result:      INTACT", "Checkpoints: 7 (1 relied on)",
                "newest:    event 6 (6 events)", "time-stamped: existed by 2026-12-03T12:59:2",
                "after it:  3 events, covered by no checkpoint yet", "NO_PROOF_OF_EXISTENCE event 9");
    }

    @Test
    void saysWhenTheFileWasCutOff() throws IOException {
        List<String> lines = new ArrayList<>(genuine.subList(0, genuine.size() - 1));
        Files.write(dir.resolve("cut.jsonl"), lines, StandardCharsets.UTF_8);

        Cli.Result r = Cli.run(dir, "audit-verify", "cut.jsonl", "--trust", "ca.pem", "--at", AT);

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("INCOMPLETE: the export has no end line");
    }

    @Test
    void exitsWithOneForAFileThatIsNoExportAndTwoForOneThatCannotBeRead() {
        Cli.Result notAnExport = Cli.run(dir, "audit-verify", "ca.pem", "--trust", "ca.pem");
        Cli.Result missing = Cli.run(dir, "audit-verify", "no-such.jsonl", "--trust", "ca.pem");
        Cli.Result badTime = Cli.run(dir, "audit-verify", "ca.pem", "--trust", "ca.pem", "--at", "yesterday");

        assertThat(notAnExport.exitCode()).isEqualTo(1);
        assertThat(notAnExport.out()).contains("MALFORMED: this is not an audit export");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().strip()).startsWith("error: cannot read").doesNotContain("Exception", "\tat ");
        assertThat(badTime.exitCode()).isEqualTo(2);
        assertThat(badTime.err()).contains("--at must be an ISO-8601 instant");
    }
}
