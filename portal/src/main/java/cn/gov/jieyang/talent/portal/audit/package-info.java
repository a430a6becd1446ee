/**
 * The audit trail: every state change and every signing, as a tamper-evident hash chain
 * ({@link cn.gov.jieyang.talent.portal.audit.AuditLog}).
 */
package cn.gov.jieyang.talent.portal.audit;
