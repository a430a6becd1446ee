package cn.gov.jieyang.talent.signing.internal;

import static cn.gov.jieyang.talent.signing.AuditFinding.Kind.CHECKPOINT_REFUSED;
import static cn.gov.jieyang.talent.signing.AuditFinding.Kind.DELETED;
import static cn.gov.jieyang.talent.signing.AuditFinding.Kind.EDITED;
import static cn.gov.jieyang.talent.signing.AuditFinding.Kind.INCOMPLETE;
import static cn.gov.jieyang.talent.signing.AuditFinding.Kind.MALFORMED;
import static cn.gov.jieyang.talent.signing.AuditFinding.Kind.NO_CHECKPOINT;
import static cn.gov.jieyang.talent.signing.AuditFinding.Kind.REORDERED;
import static cn.gov.jieyang.talent.signing.AuditFinding.Kind.REWRITTEN;
import static cn.gov.jieyang.talent.signing.AuditFinding.Kind.TRUNCATED;

import cn.gov.jieyang.talent.signing.AuditChain;
import cn.gov.jieyang.talent.signing.AuditExport;
import cn.gov.jieyang.talent.signing.AuditExportReport;
import cn.gov.jieyang.talent.signing.AuditExportVerifier;
import cn.gov.jieyang.talent.signing.AuditFinding;
import cn.gov.jieyang.talent.signing.CheckpointVerdict;
import cn.gov.jieyang.talent.signing.SealedCheckpoint;
import cn.gov.jieyang.talent.signing.SigningException;
import cn.gov.jieyang.talent.signing.SubIndication;
import cn.gov.jieyang.talent.signing.VerificationReport;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Checks an audit export in two passes over the file. The first reads the header, every checkpoint
 * (verifying its seal) and the end line; the second follows the events, so that the checkpoints'
 * heads are known whatever order a tampered file puts its lines in. Memory holds the checkpoints and
 * one event ahead, never the chain.
 */
public final class AuditExportChecker implements AuditExportVerifier {

    /** Longest line read: an event (detail ≤ 4,000 characters) or a checkpoint (a few KiB) is far shorter. */
    static final int MAX_LINE = 1 << 20;
    /** Checkpoints are made at least hourly: a newest one older than this before the export is worth saying. */
    static final Duration CHECKPOINT_STALE = Duration.ofHours(2);

    private final List<X509Certificate> anchors;
    private final List<X509CRL> crls;
    private final Instant validationTime;

    /**
     * @param anchors        trusted CA certificates
     * @param crls           CRLs beside the embedded ones
     * @param validationTime when seals are judged, or null for the moment each check starts
     */
    public AuditExportChecker(List<X509Certificate> anchors, List<X509CRL> crls, Instant validationTime) {
        this.anchors = List.copyOf(anchors);
        this.crls = List.copyOf(crls);
        this.validationTime = validationTime;
    }

    @Override
    public CheckpointVerdict verify(SealedCheckpoint c) {
        return verify(c, validationTime != null ? validationTime : Instant.now());
    }

    private CheckpointVerdict verify(SealedCheckpoint c, Instant at) {
        VerificationReport r = DetachedSignatures.verify(c.signature(), c.timeStampToken(), c.checkpoint().content(),
                "the checkpoint's content", anchors, crls, at);
        CheckpointVerdict.Status status = r.isValid() ? CheckpointVerdict.Status.USED
                : r.subIndication().orElse(null) == SubIndication.OUT_OF_BOUNDS_NO_POE
                        ? CheckpointVerdict.Status.NO_PROOF_OF_EXISTENCE : CheckpointVerdict.Status.REFUSED;
        return new CheckpointVerdict(c, r, status);
    }

    @Override
    public AuditExportReport verify(Path export) {
        if (!Files.isRegularFile(export) || !Files.isReadable(export)) {
            throw new SigningException(SigningException.Reason.IO_FAILURE, "cannot read " + export + ": not a readable file");
        }
        Instant at = validationTime != null ? validationTime : Instant.now();
        AuditExportReport.Builder report = AuditExportReport.builder().validationTime(at);
        try {
            Header header = firstPass(export, at, report);
            if (header != null) {
                secondPass(export, header, report);
            }
        } catch (FormatException e) {
            report.finding(new AuditFinding(MALFORMED, -1, e.getMessage()));
        } catch (IOException e) {
            throw new SigningException(SigningException.Reason.IO_FAILURE, "cannot read " + export + ": " + e.getMessage(), e);
        }
        return report.build();
    }

    /** What the first pass learnt. */
    private record Header(String chain, Instant exportedAt, List<CheckpointVerdict> used, Map<String, Object> end,
                          long checkpointLines, long eventLines) {
    }

    private Header firstPass(Path export, Instant at, AuditExportReport.Builder report) throws IOException {
        String chain = null;
        Instant exportedAt = null;
        List<CheckpointVerdict> used = new ArrayList<>();
        Map<String, Object> end = null;
        long checkpointLines = 0;
        long eventLines = 0;
        boolean saidAfterEnd = false;
        Tally noProof = new Tally();
        try (Lines lines = new Lines(export)) {
            for (String text; (text = lines.next()) != null; ) {
                int n = lines.number();
                Map<String, Object> line = parseLine(text, n, n == 1 ? null : report);
                if (n == 1) {
                    if (line == null || !AuditExport.KIND_HEADER.equals(line.get(AuditExport.KIND))) {
                        report.finding(new AuditFinding(MALFORMED, -1, "this is not an audit export: its first line is "
                                + "not the header {\"kind\":\"" + AuditExport.KIND_HEADER + "\",...}"));
                        return null;
                    }
                    Object format = line.get("format");
                    if (!(format instanceof BigDecimal f) || f.compareTo(BigDecimal.valueOf(AuditExport.FORMAT)) != 0) {
                        report.finding(new AuditFinding(MALFORMED, -1, "the export is in format " + format
                                + "; this checker reads format " + AuditExport.FORMAT));
                        return null;
                    }
                    try {
                        chain = text(line, "chain");
                        exportedAt = Instant.parse(text(line, "exported_at"));
                    } catch (IllegalArgumentException | DateTimeParseException e) {
                        report.finding(new AuditFinding(MALFORMED, -1, "line 1 (the header): " + e.getMessage()));
                    }
                    report.header(chain, exportedAt);
                    continue;
                }
                if (line == null) {
                    continue;
                }
                if (end != null && !saidAfterEnd) {
                    saidAfterEnd = true;
                    report.finding(new AuditFinding(MALFORMED, -1, "line " + n + " comes after the end line"));
                }
                Object kind = line.get(AuditExport.KIND);
                if (AuditExport.KIND_EVENT.equals(kind)) {
                    eventLines++;
                } else if (AuditExport.KIND_CHECKPOINT.equals(kind)) {
                    checkpointLines++;
                    checkpoint(line, n, chain, at, report, used, noProof);
                } else if (AuditExport.KIND_END.equals(kind)) {
                    if (end != null) {
                        report.finding(new AuditFinding(MALFORMED, -1, "line " + n + " is a second end line"));
                    }
                    end = line;
                } else {
                    report.finding(new AuditFinding(MALFORMED, -1, "line " + n + " is of no known kind (" + kind + ")"));
                }
            }
        }
        if (noProof.count > 0) {
            report.warning(noProof.count + " checkpoint(s) prove nothing at " + at + " and are not relied on, e.g. "
                    + noProof.example);
        }
        if (exportedAt == null && chain == null) {
            return null;
        }
        return new Header(chain, exportedAt, used, end, checkpointLines, eventLines);
    }

    private void checkpoint(Map<String, Object> line, int n, String chain, Instant at, AuditExportReport.Builder report,
                            List<CheckpointVerdict> used, Tally noProof) {
        SealedCheckpoint sealed;
        try {
            AuditChain.Checkpoint c = new AuditChain.Checkpoint(text(line, "chain"), number(line, "seq"),
                    number(line, "events"), text(line, "head_hash"), Instant.parse(text(line, "at")));
            String token = textOrNull(line, "time_stamp_token");
            String stampedAt = textOrNull(line, "time_stamped_at");
            sealed = new SealedCheckpoint(c, Base64.getDecoder().decode(text(line, "signature")),
                    token == null ? null : Base64.getDecoder().decode(token),
                    stampedAt == null ? null : Instant.parse(stampedAt), textOrNull(line, "time_stamp_problem"));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            report.finding(new AuditFinding(MALFORMED, -1, "line " + n + " (a checkpoint): " + e.getMessage()));
            return;
        }
        AuditChain.Checkpoint c = sealed.checkpoint();
        String which = "the checkpoint on line " + n + " (event " + c.seq() + ", " + c.events() + " events, at " + c.at() + ")";
        CheckpointVerdict verdict = verify(sealed, at);
        report.checkpoint(verdict);
        VerificationReport sig = verdict.signature();
        switch (verdict.status()) {
            case USED -> {
                if (!c.chain().equals(chain)) {
                    report.finding(new AuditFinding(CHECKPOINT_REFUSED, -1, which + " is of the chain \"" + c.chain()
                            + "\", but this is an export of \"" + chain + "\""));
                } else {
                    used.add(verdict);
                }
            }
            case NO_PROOF_OF_EXISTENCE -> {
                // A year of hourly checkpoints is 8,760 of them: one warning says it for all.
                if (noProof.count++ == 0) {
                    noProof.example = which + ": " + String.join("; ", sig.problems());
                }
            }
            case REFUSED -> report.finding(new AuditFinding(CHECKPOINT_REFUSED, -1, which + " is refused: its seal is "
                    + sig.indication() + sig.subIndication().map(s -> " / " + s).orElse("") + ": "
                    + String.join("; ", sig.problems())));
        }
    }

    /** How many of something, and the first one said in words. */
    private static final class Tally {
        private long count;
        private String example;
    }

    /** One event line as read: the event, or why it could not be read. */
    private record Read(AuditChain.Event event, long seq, int line) {
    }

    private void secondPass(Path export, Header header, AuditExportReport.Builder report) throws IOException {
        List<CheckpointVerdict> used = new ArrayList<>(header.used());
        used.sort(Comparator.comparingLong(c -> c.checkpoint().seq()));
        long[] heads = used.stream().mapToLong(c -> c.checkpoint().seq()).distinct().toArray();
        long[] counts = new long[heads.length + 1];
        Map<Long, String> seen = new HashMap<>();
        long events = 0;
        long lastSeq = 0;
        String lastHash = AuditChain.GENESIS;
        try (Lines lines = new Lines(export)) {
            Events it = new Events(lines, report);
            String expectedPrev = AuditChain.GENESIS;
            long prevSeq = 0;
            boolean first = true;
            AuditChain.Event swappedWith = null;
            for (Read r = it.next(); r != null; ) {
                Read next = it.next();
                events++;
                AuditChain.Event e = r.event();
                if (e == null) {
                    // Unreadable (already reported): the next link cannot be judged.
                    expectedPrev = null;
                    prevSeq = Math.max(prevSeq, r.seq());
                    first = false;
                    r = next;
                    continue;
                }
                long seq = e.seq();
                int slot = Arrays.binarySearch(heads, seq);
                counts[slot >= 0 ? slot : -slot - 1]++;
                if (slot >= 0) {
                    seen.putIfAbsent(seq, e.hash());
                }
                if (!e.computedHash().equals(e.hash())) {
                    report.finding(new AuditFinding(EDITED, seq, "event " + seq + " (line " + r.line() + ") was edited: "
                            + "its content does not give the hash stored with it"));
                }
                if (swappedWith != null) {
                    // The second of a swapped pair: the chain goes on from the first one.
                    expectedPrev = swappedWith.hash();
                    swappedWith = null;
                } else if (!first && seq <= prevSeq) {
                    report.finding(new AuditFinding(REORDERED, seq, "event " + seq + " (line " + r.line()
                            + ") comes after event " + prevSeq + ": the events were reordered"));
                    expectedPrev = e.hash();
                } else {
                    if (expectedPrev != null && !e.prevHash().equals(expectedPrev)) {
                        AuditChain.Event n = next == null ? null : next.event();
                        if (n != null && n.hash().equals(e.prevHash()) && n.prevHash().equals(expectedPrev)) {
                            report.finding(new AuditFinding(REORDERED, Math.min(seq, n.seq()), "events " + seq + " and "
                                    + n.seq() + " (lines " + r.line() + " and " + next.line() + ") are swapped: event "
                                    + n.seq() + " is the one event " + seq + " follows"));
                            swappedWith = e;
                        } else if (first) {
                            report.finding(new AuditFinding(DELETED, seq, "the first event, " + seq + " (line " + r.line()
                                    + "), does not start the chain (its prev_hash is not 64 zeros): the events "
                                    + "before it were deleted"));
                        } else {
                            report.finding(new AuditFinding(DELETED, seq, "event " + seq + " (line " + r.line()
                                    + ") does not follow event " + prevSeq + " (its prev_hash is not that event's hash): "
                                    + "the events between them were deleted, or event " + prevSeq + " was replaced"));
                        }
                    }
                    expectedPrev = e.hash();
                }
                prevSeq = Math.max(prevSeq, seq);
                first = false;
                lastSeq = seq;
                lastHash = e.hash();
                r = next;
            }
        }
        long[] upTo = new long[heads.length];
        long sum = 0;
        for (int i = 0; i < heads.length; i++) {
            sum += counts[i];
            upTo[i] = sum;
        }
        compareCheckpoints(used, heads, upTo, seen, lastSeq, events, report);
        long after = 0;
        if (!used.isEmpty()) {
            CheckpointVerdict newest = used.get(used.size() - 1);
            after = events - upTo[Arrays.binarySearch(heads, newest.checkpoint().seq())];
            if (header.exportedAt() != null
                    && Duration.between(newest.checkpoint().at(), header.exportedAt()).compareTo(CHECKPOINT_STALE) > 0) {
                report.warning("the newest checkpoint is from " + newest.checkpoint().at() + ", more than "
                        + CHECKPOINT_STALE.toHours() + " hours before the export (" + header.exportedAt() + "); "
                        + "checkpoints are made at least hourly, so later ones may be missing with the events they "
                        + "sealed, or the application was not running");
            }
            long unstamped = used.stream().filter(c -> !c.sealed().isTimeStamped()).count();
            if (unstamped > 0) {
                report.warning(unstamped + " of the checkpoints relied on carry no time-stamp: they prove nothing once "
                        + "the seal's certificate has expired");
            }
        } else {
            report.finding(new AuditFinding(NO_CHECKPOINT, -1, "no checkpoint can be relied on, so events cut off the "
                    + "end of the chain could not be told"));
        }
        report.events(events, lastSeq, lastHash, after);
        checkEnd(header, events, report);
    }

    private static void compareCheckpoints(List<CheckpointVerdict> used, long[] heads, long[] upTo, Map<Long, String> seen,
                                           long lastSeq, long events, AuditExportReport.Builder report) {
        int truncatedBeyond = 0;
        for (CheckpointVerdict v : used) {
            AuditChain.Checkpoint c = v.checkpoint();
            String which = "the checkpoint of " + c.at() + " sealed event " + c.seq() + " as the head, after " + c.events()
                    + " events";
            long counted = upTo[Arrays.binarySearch(heads, c.seq())];
            if (c.seq() == 0) {
                if (c.events() != 0 || !AuditChain.GENESIS.equals(c.headHash())) {
                    report.finding(new AuditFinding(MALFORMED, -1, "a checkpoint of an empty chain names a head"));
                }
                continue;
            }
            String hash = seen.get(c.seq());
            if (hash == null && c.seq() > lastSeq) {
                if (truncatedBeyond++ == 0) {
                    report.finding(new AuditFinding(TRUNCATED, c.seq(), "the chain was cut off: it ends at event " + lastSeq
                            + " (" + events + " events), but " + which + ": " + Math.max(1, c.events() - events)
                            + " or more events after event " + lastSeq + " were deleted"));
                }
            } else if (hash == null) {
                report.finding(new AuditFinding(DELETED, c.seq(), "event " + c.seq() + " is missing, but " + which
                        + ": it was deleted"));
            } else if (!hash.equals(c.headHash())) {
                report.finding(new AuditFinding(REWRITTEN, c.seq(), "event " + c.seq() + " is not the one " + which
                        + " (its hash differs): the chain was rewritten at or before it"));
            } else if (counted != c.events()) {
                report.finding(new AuditFinding(DELETED, c.seq(), which + ", but the export has " + counted
                        + " events up to it: events were " + (counted < c.events() ? "deleted" : "added")));
            }
        }
        if (truncatedBeyond > 1) {
            report.warning((truncatedBeyond - 1) + " later checkpoints also sealed heads past the end of the chain");
        }
    }

    private static void checkEnd(Header header, long events, AuditExportReport.Builder report) {
        Map<String, Object> end = header.end();
        if (end == null) {
            report.finding(new AuditFinding(INCOMPLETE, -1, "the export has no end line: the file was cut off (an "
                    + "interrupted download, or lines deleted from its end)"));
            return;
        }
        Object e = end.get("events");
        Object c = end.get("checkpoints");
        if (!(e instanceof BigDecimal ev) || ev.compareTo(BigDecimal.valueOf(events)) != 0
                || !(c instanceof BigDecimal cv) || cv.compareTo(BigDecimal.valueOf(header.checkpointLines())) != 0) {
            report.finding(new AuditFinding(INCOMPLETE, -1, "the end line counts " + e + " events and " + c
                    + " checkpoints, but the file holds " + events + " and " + header.checkpointLines()
                    + ": lines were deleted or added"));
        }
    }

    /** The event lines of a file, in order, each parsed (or reported as unreadable). */
    private static final class Events {
        private final Lines lines;
        private final AuditExportReport.Builder report;

        Events(Lines lines, AuditExportReport.Builder report) {
            this.lines = lines;
            this.report = report;
        }

        Read next() throws IOException {
            for (String text; (text = lines.next()) != null; ) {
                Map<String, Object> line = parseLine(text, lines.number(), null);
                if (line == null || !AuditExport.KIND_EVENT.equals(line.get(AuditExport.KIND))) {
                    continue; // not an event, or unparsable: the first pass has said so
                }
                long seq = -1;
                try {
                    seq = number(line, "seq");
                    if (seq < 1) {
                        throw new IllegalArgumentException("\"seq\" is less than 1");
                    }
                    return new Read(new AuditChain.Event(seq, Instant.parse(text(line, "occurred_at")),
                            text(line, "actor_subject"), text(line, "actor_role"), text(line, "event_type"),
                            uuid(line, "application_id"), uuid(line, "case_id"), text(line, "detail"),
                            text(line, "prev_hash"), text(line, "hash")), seq, lines.number());
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    report.finding(new AuditFinding(MALFORMED, seq, "line " + lines.number() + " (event "
                            + (seq < 0 ? "?" : seq) + ") cannot be read: " + e.getMessage()));
                    return new Read(null, seq, lines.number());
                }
            }
            return null;
        }
    }

    /** Parses a line; reports it (when a report is given) and returns null when it is not a JSON object. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> parseLine(String text, int n, AuditExportReport.Builder report) {
        try {
            Object value = Json.parse(text);
            if (value instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
            throw new IllegalArgumentException("is not a JSON object");
        } catch (IllegalArgumentException e) {
            if (report != null) {
                report.finding(new AuditFinding(MALFORMED, -1, "line " + n + " is not a JSON object: " + e.getMessage()));
            }
            return null;
        }
    }

    private static String text(Map<String, Object> line, String key) {
        if (line.get(key) instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("\"" + key + "\" is missing or not a string");
    }

    private static String textOrNull(Map<String, Object> line, String key) {
        return line.get(key) == null ? null : text(line, key);
    }

    private static long number(Map<String, Object> line, String key) {
        if (line.get(key) instanceof BigDecimal d) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException e) {
                // falls through
            }
        }
        throw new IllegalArgumentException("\"" + key + "\" is missing or not a whole number");
    }

    private static UUID uuid(Map<String, Object> line, String key) {
        String s = textOrNull(line, key);
        return s == null ? null : UUID.fromString(s);
    }

    /**
     * The lines of a file as strict UTF-8, each at most {@link #MAX_LINE} characters, without their
     * line feed; a longer line or bytes that are not UTF-8 stop the reading with a {@link FormatException}.
     */
    private static final class Lines implements Closeable {
        private final Reader in;
        private final char[] buffer = new char[1 << 16];
        private int pos;
        private int limit;
        private int number;

        Lines(Path file) throws IOException {
            // newDecoder() reports malformed input rather than replacing it, so an altered byte is not hidden.
            this.in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder());
        }

        int number() {
            return number;
        }

        String next() throws IOException {
            StringBuilder line = new StringBuilder();
            while (true) {
                if (pos == limit) {
                    try {
                        limit = in.read(buffer);
                    } catch (CharacterCodingException e) {
                        throw new FormatException("line " + (number + 1) + " is not UTF-8 text");
                    }
                    pos = 0;
                    if (limit <= 0) {
                        limit = 0;
                        if (line.length() == 0) {
                            return null;
                        }
                        number++;
                        return line.toString();
                    }
                }
                int start = pos;
                while (pos < limit && buffer[pos] != '\n') {
                    pos++;
                }
                line.append(buffer, start, pos - start);
                if (line.length() > MAX_LINE) {
                    throw new FormatException("line " + (number + 1) + " is longer than " + MAX_LINE
                            + " characters; no line of an audit export is");
                }
                if (pos < limit) {
                    pos++;
                    number++;
                    return line.toString();
                }
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
