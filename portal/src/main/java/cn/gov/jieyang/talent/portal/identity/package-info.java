/**
 * The portal's side of identity data: the protection of ID numbers at rest
 * ({@link cn.gov.jieyang.talent.portal.identity.IdNumberProtector}, over the {@code data-protection}
 * library) and telephone numbers ({@link cn.gov.jieyang.talent.portal.identity.PhoneNumber}). What a
 * valid ID number or credit code is belongs to the {@code identity-numbers} library
 * ({@code cn.gov.jieyang.talent.identity}), shared with the auth-bridge.
 */
package cn.gov.jieyang.talent.portal.identity;
