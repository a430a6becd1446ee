/**
 * The bridge's own audit trail (issue 10, item 5): a hash chain of what happened at the bridge — logins
 * by door and outcome, step-ups, ended sessions, 粤信签 callbacks accepted and refused (reason codes only),
 * signing-key changes, exports — in the signing library's canonical form, with signed, time-stamped
 * checkpoints hourly and on shutdown, exported at {@code /audit/export} for {@code signing.jar
 * audit-verify}.
 *
 * <p>Public: {@link cn.gov.jieyang.talent.authbridge.audit.AuditTrail#record} and the factories of
 * {@link cn.gov.jieyang.talent.authbridge.audit.AuditEntry}, which the login doors call. Sessions and keys
 * do not know the trail: it listens to {@code SessionEnded} and implements {@code KeyChanges}. No event
 * holds an ID number, a token, a password or a code.
 */
package cn.gov.jieyang.talent.authbridge.audit;
