package cn.gov.jieyang.talent.signing;

import java.util.Objects;

/**
 * Something wrong with an audit export, found by {@link AuditExportVerifier}.
 *
 * @param kind    what kind of break
 * @param seq     the event it names (its sequence number), or -1 when it concerns the file or a
 *                checkpoint's seal rather than an event
 * @param message a sentence for the auditor, naming the event(s), line and checkpoint concerned
 */
public record AuditFinding(Kind kind, long seq, String message) {

    /** The kinds of break. */
    public enum Kind {
        /** An event's content no longer gives its stored hash: a field was changed. */
        EDITED,
        /** An event does not name its predecessor's hash: events before it were deleted (or it replaced). */
        DELETED,
        /** Events are out of order: swapped, or sequence numbers that go backwards. */
        REORDERED,
        /** A valid checkpoint sealed a head that is past the export's last event: the tail was cut off. */
        TRUNCATED,
        /** A valid checkpoint sealed an event whose hash is now different: the chain was rewritten. */
        REWRITTEN,
        /** A checkpoint's seal does not verify or does not chain to a trusted CA. */
        CHECKPOINT_REFUSED,
        /** No checkpoint can be relied on, so a cut-off tail could not be told. */
        NO_CHECKPOINT,
        /** A line is not what the format says (not JSON, a field missing or of the wrong type). */
        MALFORMED,
        /** The file ends without its end line, or the end line's counts differ from the file. */
        INCOMPLETE
    }

    /**
     * Checks the parts.
     *
     * @param kind    kind
     * @param seq     event or -1
     * @param message sentence
     */
    public AuditFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return kind + (seq >= 0 ? " event " + seq : "") + ": " + message;
    }
}
