package cn.gov.jieyang.talent.portal.audit;

/**
 * The result of recomputing the audit chain.
 *
 * @param events      how many events were checked
 * @param intact      whether every hash matched and every link pointed to its predecessor
 * @param firstBroken the sequence number of the first event that does not verify, or -1
 * @param headHash    the hash of the last event (what an auditor writes down to detect later rewrites)
 */
public record ChainCheck(long events, boolean intact, long firstBroken, String headHash) {
}
