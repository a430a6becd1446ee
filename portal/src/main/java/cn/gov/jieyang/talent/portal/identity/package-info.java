/**
 * Value objects for the portal's real-name record (实名信息): a person's identity document number
 * ({@link cn.gov.jieyang.talent.portal.identity.IdNumber}), an enterprise's unified social credit code
 * ({@link cn.gov.jieyang.talent.portal.identity.Usci}), and the protection of ID numbers at rest
 * ({@link cn.gov.jieyang.talent.portal.identity.IdNumberProtector}).
 *
 * <p>Every factory checks its input and throws
 * {@link cn.gov.jieyang.talent.portal.identity.InvalidIdentityException}, whose {@code code()} is a
 * stable message-bundle key and whose message never repeats the rejected value: exception messages end
 * up in logs, and an ID number in a log is a personal-data leak.
 */
package cn.gov.jieyang.talent.portal.identity;
