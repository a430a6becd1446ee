package cn.gov.jieyang.talent.signing;

import cn.gov.jieyang.talent.signing.internal.Json;
import java.io.BufferedWriter;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The audit export: JSON Lines (UTF-8, one JSON object a line, {@code \n} after each), written by the
 * portal's and the auth-bridge's {@code GET /audit/export} through {@link #writer} and read by {@link AuditExportVerifier}.
 * Both use the names defined here, so the format is defined once. Format 1:
 *
 * <pre>
 * {"kind":"audit-export","format":1,"chain":"portal","exported_at":"2026-12-03T12:34:56.789Z"}
 * {"kind":"checkpoint","chain":"portal","seq":40,"events":38,"head_hash":"…","at":"2026-12-03T12:00:00Z",
 *  "signature":"MIAG…","time_stamp_token":"MIAG…","time_stamped_at":"2026-12-03T12:00:00.412Z","time_stamp_problem":null}
 * {"kind":"event","seq":1,"occurred_at":"2026-11-25T08:00:01.123456Z","actor_subject":"sub-7f3a9c",
 *  "actor_role":"APPLICANT","event_type":"ApplicationSubmitted","application_id":"0b6f…","case_id":null,
 *  "detail":"…","prev_hash":"000…0","hash":"7a22…"}
 * {"kind":"end","events":57,"checkpoints":3}
 * </pre>
 *
 * (each object on one line). The header comes first, then every checkpoint oldest first, then every
 * event by sequence number, then the end line, which lets a reader tell a download that was cut off.
 * An event line carries every field {@link AuditChain#eventHash} covers, as hashed; a checkpoint line
 * the fields of {@link AuditChain.Checkpoint} and its seal in base64 (DER): the detached CAdES
 * signature over {@link AuditChain.Checkpoint#content()}, and the RFC 3161 token over that
 * signature's value, or null when the TSA failed (then {@code time_stamp_problem} says why) or none
 * is configured. Nothing in an export is secret, and no line holds an ID number: the chain never does.
 */
public final class AuditExport {

    /** The format this library writes and reads. */
    public static final int FORMAT = 1;
    /** The media type the portal and the bridge serve it as. */
    public static final String MEDIA_TYPE = "application/jsonl";

    /** Line kinds ({@value #KIND}). */
    public static final String KIND = "kind";
    /** The header line's kind. */
    public static final String KIND_HEADER = "audit-export";
    /** A checkpoint line's kind. */
    public static final String KIND_CHECKPOINT = "checkpoint";
    /** An event line's kind. */
    public static final String KIND_EVENT = "event";
    /** The end line's kind. */
    public static final String KIND_END = "end";

    private AuditExport() {
    }

    /**
     * Starts writing an export; nothing is buffered beyond a small window, so a chain of any length
     * streams through.
     *
     * @param out where to write (not closed by the writer)
     * @return the writer
     */
    public static Writer writer(OutputStream out) {
        return new Writer(out);
    }

    /** Writes one export: {@link #header}, then {@link #checkpoint}s, then {@link #event}s, then {@link #end}. */
    public static final class Writer implements Flushable {

        private final java.io.Writer out;
        private long events;
        private long checkpoints;

        private Writer(OutputStream out) {
            this.out = new BufferedWriter(new OutputStreamWriter(Objects.requireNonNull(out, "out"),
                    StandardCharsets.UTF_8), 1 << 16);
        }

        /**
         * @param chain      the chain's name
         * @param exportedAt when the export's snapshot was taken
         * @return this writer
         */
        public Writer header(String chain, Instant exportedAt) {
            Map<String, Object> m = line(KIND_HEADER);
            m.put("format", FORMAT);
            m.put("chain", chain);
            m.put("exported_at", exportedAt.toString());
            return write(m);
        }

        /**
         * @param c a sealed checkpoint
         * @return this writer
         */
        public Writer checkpoint(SealedCheckpoint c) {
            Map<String, Object> m = line(KIND_CHECKPOINT);
            m.put("chain", c.checkpoint().chain());
            m.put("seq", c.checkpoint().seq());
            m.put("events", c.checkpoint().events());
            m.put("head_hash", c.checkpoint().headHash());
            m.put("at", c.checkpoint().at().toString());
            m.put("signature", Base64.getEncoder().encodeToString(c.signature()));
            m.put("time_stamp_token", c.timeStampToken() == null ? null
                    : Base64.getEncoder().encodeToString(c.timeStampToken()));
            m.put("time_stamped_at", c.timeStampedAt() == null ? null : c.timeStampedAt().toString());
            m.put("time_stamp_problem", c.timeStampProblem());
            checkpoints++;
            return write(m);
        }

        /**
         * @param e an event, its fields as hashed
         * @return this writer
         */
        public Writer event(AuditChain.Event e) {
            Map<String, Object> m = line(KIND_EVENT);
            m.put("seq", e.seq());
            m.put("occurred_at", e.occurredAt().toString());
            m.put("actor_subject", e.actorSubject());
            m.put("actor_role", e.actorRole());
            m.put("event_type", e.eventType());
            m.put("application_id", uuid(e.applicationId()));
            m.put("case_id", uuid(e.caseId()));
            m.put("detail", e.detail());
            m.put("prev_hash", e.prevHash());
            m.put("hash", e.hash());
            events++;
            return write(m);
        }

        /**
         * Writes the end line with the counts and flushes.
         *
         * @return this writer
         */
        public Writer end() {
            Map<String, Object> m = line(KIND_END);
            m.put("events", events);
            m.put("checkpoints", checkpoints);
            write(m);
            flush();
            return this;
        }

        @Override
        public void flush() {
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static Map<String, Object> line(String kind) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(KIND, kind);
            return m;
        }

        private static String uuid(UUID id) {
            return id == null ? null : id.toString();
        }

        private Writer write(Map<String, Object> m) {
            try {
                out.write(Json.writeLine(m));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }
    }
}
