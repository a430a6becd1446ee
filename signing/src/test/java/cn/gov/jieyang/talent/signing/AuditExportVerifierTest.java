package cn.gov.jieyang.talent.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checker in-process, on exports written by {@link AuditExport#writer} from chains built with
 * {@link AuditChain}: what the CLI test's file edits cannot reach (events swapped inside the database,
 * a line with a key twice, a checkpoint's line edited under its seal, a TSA that is down).
 */
class AuditExportVerifierTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @TempDir
    Path dir;

    private final CheckpointSigner signer = CheckpointSigner.builder(PackageFixture.CA.sealP256())
            .crl(PackageFixture.CA.crl()).timeStampSource(PackageFixture.TSA).build();
    private final AuditExportVerifier verifier = AuditExportVerifier.builder()
            .trustAnchor(PackageFixture.CA.caCertificate()).build();

    /** A chain of n events, seq 2, 4, 6, ... (a sequence has gaps), linked by {@link #rehashed}. */
    private static List<AuditChain.Event> chain(int n) {
        List<AuditChain.Event> events = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            events.add(new AuditChain.Event(i * 2L, NOW.minusSeconds(100 - i).plusNanos(123_000L * i), "sub-" + i,
                    "REVIEWER", "CaseAccepted", UUID.randomUUID(), null, "event " + i, "", ""));
        }
        return rehashed(events);
    }

    private Path export(List<AuditChain.Event> events, List<SealedCheckpoint> checkpoints) throws IOException {
        Path file = dir.resolve(UUID.randomUUID() + ".jsonl");
        try (OutputStream out = Files.newOutputStream(file)) {
            AuditExport.Writer w = AuditExport.writer(out).header("portal", NOW);
            checkpoints.forEach(w::checkpoint);
            events.forEach(w::event);
            w.end();
        }
        return file;
    }

    private SealedCheckpoint sealHead(List<AuditChain.Event> events) {
        AuditChain.Event head = events.get(events.size() - 1);
        return signer.seal(new AuditChain.Checkpoint("portal", head.seq(), events.size(), head.hash(), NOW));
    }

    private static List<AuditChain.Event> rehashed(List<AuditChain.Event> events) {
        List<AuditChain.Event> out = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (AuditChain.Event e : events) {
            String hash = AuditChain.eventHash(prev, e.occurredAt(), e.actorSubject(), e.actorRole(), e.eventType(),
                    e.applicationId(), e.caseId(), e.detail());
            out.add(new AuditChain.Event(e.seq(), e.occurredAt(), e.actorSubject(), e.actorRole(), e.eventType(),
                    e.applicationId(), e.caseId(), e.detail(), prev, hash));
            prev = hash;
        }
        return out;
    }

    @Test
    void findsAChainWrittenByTheWriterIntactWithItsTimeStampedCheckpoint() throws IOException {
        List<AuditChain.Event> events = (chain(5));
        SealedCheckpoint c = sealHead(events);

        AuditExportReport r = verifier.verify(export(events, List.of(c)));

        assertThat(c.isTimeStamped()).isTrue();
        assertThat(r.isIntact()).as(r.findings().toString()).isTrue();
        assertThat(r.events()).isEqualTo(5);
        assertThat(r.headSeq()).isEqualTo(10);
        assertThat(r.newestUsedCheckpoint()).get().satisfies(v ->
                assertThat(v.signature().proofOfExistence()).isPresent());
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void namesTwoEventsWhoseContentWasSwappedInTheDatabaseUnderTheirSequenceNumbers() throws IOException {
        List<AuditChain.Event> events = (chain(4));
        SealedCheckpoint c = sealHead(events);
        AuditChain.Event b = events.get(1);
        AuditChain.Event x = events.get(2);
        // Rows keep their seq; their contents (with their hashes) trade places.
        events.set(1, new AuditChain.Event(b.seq(), x.occurredAt(), x.actorSubject(), x.actorRole(), x.eventType(),
                x.applicationId(), x.caseId(), x.detail(), x.prevHash(), x.hash()));
        events.set(2, new AuditChain.Event(x.seq(), b.occurredAt(), b.actorSubject(), b.actorRole(), b.eventType(),
                b.applicationId(), b.caseId(), b.detail(), b.prevHash(), b.hash()));

        AuditExportReport r = verifier.verify(export(events, List.of(c)));

        assertThat(r.firstBroken()).get().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(AuditFinding.Kind.REORDERED);
            assertThat(f.seq()).isEqualTo(4);
            assertThat(f.message()).contains("events 4 and 6", "are swapped");
        });
        assertThat(r.findings()).hasSize(1);
    }

    @Test
    void refusesALineThatNamesAFieldTwice() throws IOException {
        List<AuditChain.Event> events = (chain(2));
        Path file = export(events, List.of(sealHead(events)));
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        int last = lines.size() - 2;
        // A second "detail" could show one value to a reader and hash another.
        lines.set(last, lines.get(last).replace(",\"prev_hash\"", ",\"detail\":\"something else\",\"prev_hash\""));
        Files.write(file, lines);

        AuditExportReport r = verifier.verify(file);

        assertThat(r.isIntact()).isFalse();
        assertThat(r.findings()).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo(AuditFinding.Kind.MALFORMED);
            assertThat(f.message()).contains("has the key \"detail\" twice");
        });
    }

    @Test
    void refusesACheckpointWhoseLineWasEditedUnderItsSeal() throws IOException {
        List<AuditChain.Event> events = (chain(3));
        SealedCheckpoint c = sealHead(events);
        AuditChain.Event second = events.get(1);
        // Someone cut event 6 and moved the checkpoint's head back to event 4, keeping the seal.
        SealedCheckpoint moved = new SealedCheckpoint(new AuditChain.Checkpoint("portal", second.seq(), 2,
                second.hash(), NOW), c.signature(), c.timeStampToken(), c.timeStampedAt(), null);

        AuditExportReport r = verifier.verify(export(events.subList(0, 2), List.of(moved)));

        assertThat(r.findings()).extracting(AuditFinding::kind)
                .contains(AuditFinding.Kind.CHECKPOINT_REFUSED, AuditFinding.Kind.NO_CHECKPOINT);
        assertThat(r.checkpoints()).singleElement().satisfies(v -> {
            assertThat(v.status()).isEqualTo(CheckpointVerdict.Status.REFUSED);
            assertThat(v.signature().subIndication()).contains(SubIndication.HASH_FAILURE);
        });
    }

    @Test
    void sealsTheCheckpointWithoutATimeStampAndSaysWhyWhenTheTsaIsDown() throws IOException {
        CheckpointSigner down = CheckpointSigner.builder(PackageFixture.CA.sealP256()).crl(PackageFixture.CA.crl())
                .timeStampSource(request -> {
                    throw new SigningException(SigningException.Reason.TIME_STAMP_FAILURE, "the TSA did not answer");
                }).build();
        List<AuditChain.Event> events = (chain(2));
        AuditChain.Event head = events.get(1);

        SealedCheckpoint c = down.seal(new AuditChain.Checkpoint("portal", head.seq(), 2, head.hash(), NOW));
        AuditExportReport r = verifier.verify(export(events, List.of(c)));

        assertThat(c.isTimeStamped()).isFalse();
        assertThat(c.timeStampProblem()).isEqualTo("the TSA did not answer");
        assertThat(r.isIntact()).as(r.findings().toString()).isTrue();
        assertThat(r.warnings()).singleElement().asString().contains("carry no time-stamp");
        assertThat(Files.readString(export(events, List.of(c)), StandardCharsets.UTF_8))
                .contains("\"time_stamp_token\":null", "\"time_stamp_problem\":\"the TSA did not answer\"");
    }
}
