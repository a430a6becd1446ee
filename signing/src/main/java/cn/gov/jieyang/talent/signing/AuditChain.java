package cn.gov.jieyang.talent.signing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The one definition of an audit hash chain's canonical form: how an event is hashed and which bytes
 * a checkpoint's seal signs. The portal's {@code AuditLog} and the auth-bridge's {@code AuditTrail} compute every stored hash with
 * {@link #eventHash} and seals its checkpoints' {@link Checkpoint#content()}; the offline checker
 * ({@code signing.jar audit-verify}, {@link AuditExportVerifier}) recomputes them with the same code, so
 * the two can never drift. Changing anything here breaks every chain already stored: add a new
 * version instead.
 *
 * <h2>Event hash</h2>
 * SHA-256, lower-case hex, over the UTF-8 bytes of eight fields joined by U+001F (unit separator):
 * <ol>
 *   <li>the previous event's hash ({@link #GENESIS}, 64 zeros, for the first event);</li>
 *   <li>the time, {@link Instant#toString()}: ISO-8601 UTC, the fraction in groups of three digits
 *       and absent when zero (e.g. {@code 2026-11-25T08:00:01.123456Z});</li>
 *   <li>the actor's subject;</li>
 *   <li>the actor's role in upper case (the portal's {@code APPLICANT}, {@code REVIEWER},
 *       {@code AUDITOR}, {@code SYSTEM}; the bridge's {@code PERSON}, {@code UPSTREAM}, {@code AUDITOR},
 *       {@code SYSTEM});</li>
 *   <li>the event type ({@code CaseReturned});</li>
 *   <li>the application id, lower-case UUID, or the four letters {@code null} (always, in the
 *       bridge's chain);</li>
 *   <li>the case id, likewise;</li>
 *   <li>the detail (empty string for none).</li>
 * </ol>
 * In every text field a back-slash is written {@code \\} and a U+001F is written {@code \u001f} (as
 * six characters) before joining, so no choice of field values can move a separator: ("a\u001fb", "c")
 * and ("a", "b\u001fc") hash differently. The sequence number is not hashed: a sequence may have gaps
 * (a rolled-back append uses a number up), and order is fixed by each event naming its predecessor's
 * hash.
 *
 * <h2>Checkpoint</h2>
 * A checkpoint states that at {@code at} the chain {@code chain} ended at event {@code seq}, whose hash
 * was {@code headHash}, after {@code events} events. The seal signs (detached CAdES, see
 * {@link CheckpointSigner}) exactly the UTF-8 bytes of these six lines, each ending in a line feed:
 * <pre>
 * jieyang-talent audit checkpoint v1
 * chain: portal
 * seq: 1234
 * events: 1230
 * head: 3f1c…(64 hex digits)
 * at: 2026-12-03T12:00:00Z
 * </pre>
 * so that an auditor can rebuild them with {@code printf} and check the signature with
 * {@code openssl cms -verify} alone (see docs/auditors-guide.md). An empty chain has seq 0, 0 events
 * and the head {@link #GENESIS}.
 */
public final class AuditChain {

    /** The "previous hash" of the first event: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    /** The first line of a checkpoint's signed content: names the form, so a new one can follow. */
    public static final String CHECKPOINT_FORM = "jieyang-talent audit checkpoint v1";

    private static final Pattern CHAIN_NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private AuditChain() {
    }

    /**
     * An event's hash in the chain.
     *
     * @param prevHash      the previous event's hash, or {@link #GENESIS}
     * @param occurredAt    when it happened, as stored (the portal keeps microseconds)
     * @param actorSubject  who
     * @param actorRole     the role in upper case, e.g. {@code REVIEWER}
     * @param eventType     what, e.g. {@code CaseReturned}
     * @param applicationId the application, or null
     * @param caseId        the case, or null
     * @param detail        the detail, empty for none
     * @return SHA-256 of the canonical form, lower-case hex
     */
    public static String eventHash(String prevHash, Instant occurredAt, String actorSubject, String actorRole,
                                   String eventType, UUID applicationId, UUID caseId, String detail) {
        String canonical = String.join("\u001f", esc(prevHash), occurredAt.toString(), esc(actorSubject),
                esc(actorRole), esc(eventType), String.valueOf(applicationId), String.valueOf(caseId), esc(detail));
        return sha256Hex(canonical.getBytes(StandardCharsets.UTF_8));
    }

    /** Escapes the escape character first, then the separator (existing chains never contain either). */
    private static String esc(String s) {
        return s.replace("\\", "\\\\").replace("\u001f", "\\u001f");
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * One event of a chain, as stored and exported.
     *
     * @param seq           its sequence number (increasing, possibly with gaps)
     * @param occurredAt    when
     * @param actorSubject  who
     * @param actorRole     the role, upper case
     * @param eventType     what
     * @param applicationId application or null
     * @param caseId        case or null
     * @param detail        detail, empty for none
     * @param prevHash      the hash it names as its predecessor's
     * @param hash          the hash stored with it
     */
    public record Event(long seq, Instant occurredAt, String actorSubject, String actorRole, String eventType,
                        UUID applicationId, UUID caseId, String detail, String prevHash, String hash) {

        /**
         * Checks that every hashed field is present.
         *
         * @param seq           seq
         * @param occurredAt    time
         * @param actorSubject  actor
         * @param actorRole     role
         * @param eventType     type
         * @param applicationId application or null
         * @param caseId        case or null
         * @param detail        detail
         * @param prevHash      previous hash
         * @param hash          hash
         */
        public Event {
            Objects.requireNonNull(occurredAt, "occurredAt");
            Objects.requireNonNull(actorSubject, "actorSubject");
            Objects.requireNonNull(actorRole, "actorRole");
            Objects.requireNonNull(eventType, "eventType");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(prevHash, "prevHash");
            Objects.requireNonNull(hash, "hash");
        }

        /** @return the hash this event's content and predecessor give, to compare with {@link #hash()} */
        public String computedHash() {
            return eventHash(prevHash, occurredAt, actorSubject, actorRole, eventType, applicationId, caseId, detail);
        }
    }

    /**
     * What a checkpoint states about a chain.
     *
     * @param chain    which chain: {@code portal}, or {@code auth-bridge} for the bridge's
     * @param seq      the sequence number of the chain's last event, 0 for an empty chain
     * @param events   how many events the chain had up to and including it
     * @param headHash that event's hash ({@link #GENESIS} for an empty chain)
     * @param at       when, to the second
     */
    public record Checkpoint(String chain, long seq, long events, String headHash, Instant at) {

        /**
         * Checks the parts.
         *
         * @param chain    lower-case name
         * @param seq      0 or more
         * @param events   0 or more
         * @param headHash 64 lower-case hex digits
         * @param at       a whole second
         * @throws IllegalArgumentException when a part is out of range
         */
        public Checkpoint {
            if (chain == null || !CHAIN_NAME.matcher(chain).matches()) {
                throw new IllegalArgumentException("a chain's name is lower-case letters, digits and '-'");
            }
            if (seq < 0 || events < 0) {
                throw new IllegalArgumentException("a checkpoint's seq and event count are not negative");
            }
            if (headHash == null || !HASH.matcher(headHash).matches()) {
                throw new IllegalArgumentException("a checkpoint's head is 64 lower-case hex digits");
            }
            Objects.requireNonNull(at, "at");
            if (!at.truncatedTo(ChronoUnit.SECONDS).equals(at)) {
                throw new IllegalArgumentException("a checkpoint's time is a whole second");
            }
        }

        /** @return the bytes the seal signs (the six lines in {@link AuditChain}'s description) */
        public byte[] content() {
            return (CHECKPOINT_FORM + "\nchain: " + chain + "\nseq: " + seq + "\nevents: " + events + "\nhead: "
                    + headHash + "\nat: " + at + "\n").getBytes(StandardCharsets.UTF_8);
        }
    }
}
