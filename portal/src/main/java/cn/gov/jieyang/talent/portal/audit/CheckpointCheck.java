package cn.gov.jieyang.talent.portal.audit;

import cn.gov.jieyang.talent.signing.CheckpointVerdict;
import cn.gov.jieyang.talent.signing.SealedCheckpoint;
import java.time.Instant;

/**
 * What the signed checkpoints say about the chain ({@link AuditCheckpoints#check()}).
 *
 * @param checkpoints how many there are
 * @param newest      the newest, or null when none was made yet
 * @param newestSeal  its seal checked against the seal's CA, or null
 * @param firstBreak  the first checkpoint (by head) whose head is not on the chain, or null
 * @param overdue     whether the newest is older than two hours (they are made at least hourly)
 */
public record CheckpointCheck(long checkpoints, SealedCheckpoint newest, CheckpointVerdict newestSeal, Break firstBreak,
        boolean overdue) {

    /** @return true when every checkpoint's head is on the chain and the newest's seal verifies */
    public boolean consistent() {
        return firstBreak == null && (newestSeal == null || newestSeal.isUsed());
    }

    /**
     * A checkpoint whose head is not on the chain.
     *
     * @param kind    how
     * @param seq     the head it sealed
     * @param events  how many events it counted up to it
     * @param at      when it was made
     * @param lastSeq the chain's last event now (0 for none)
     */
    public record Break(Kind kind, long seq, long events, Instant at, long lastSeq) {

        /** How the head is not on the chain. */
        public enum Kind {
            /** The chain now ends before it: events were cut off the end. */
            TRUNCATED,
            /** Later events remain, the head is gone: it was deleted. */
            DELETED,
            /** The event is there with another hash: the chain was rewritten. */
            REWRITTEN
        }
    }
}
