/**
 * The auditor's feature: the audit trail, every state change and every signing as a tamper-evident hash
 * chain ({@link cn.gov.jieyang.talent.portal.audit.AuditLog}), and everything under {@code /audit/**}
 * (role {@code auditor}): the chain check ({@code /audit}) and the check of a sealed package
 * ({@code /audit/verify}).
 *
 * <p>Features record their own events through {@code AuditLog}; case moves are recorded from the cases
 * feature's events, in the transaction of the move. The package check learns which application a
 * package belongs to through {@link cn.gov.jieyang.talent.portal.audit.PackagesOnRecord}, declared here and
 * implemented by submission, because submission records its events here and the two must not depend on
 * each other both ways.
 */
package cn.gov.jieyang.talent.portal.audit;
