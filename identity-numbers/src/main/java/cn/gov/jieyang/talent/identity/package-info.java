/**
 * Identity numbers as checked value objects: a person's identity document number
 * ({@link cn.gov.jieyang.talent.identity.IdNumber}: a GB 11643-1999 resident ID or a passport number, of an
 * {@link cn.gov.jieyang.talent.identity.IdType}) and an organisation's GB 32100-2015 unified social credit
 * code ({@link cn.gov.jieyang.talent.identity.Usci}). Plain Java, no framework; everything in
 * {@code …identity.internal} may change.
 *
 * <p>Every factory checks its input and throws
 * {@link cn.gov.jieyang.talent.identity.InvalidIdentityException}, whose {@code code()} is a stable
 * message-bundle key and whose message never repeats the rejected value: exception messages end up in
 * logs, and an ID number in a log is a personal-data leak. {@code IdNumber.toString()} is the masked form.
 */
package cn.gov.jieyang.talent.identity;
