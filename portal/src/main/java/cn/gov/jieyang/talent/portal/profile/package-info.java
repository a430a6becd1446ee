/**
 * The applicant's real-name record (实名信息), created at first login: for a 粤信签 face-verified person
 * the verified name and ID number (locked), for a password individual a declared name and ID (resident
 * ID card or passport), for an enterprise its name, credit code and contact person; each with a phone
 * number and a recorded consent. ID numbers are encrypted at rest and shown masked.
 *
 * <p>Public surface: {@link cn.gov.jieyang.talent.portal.profile.Profiles} and
 * {@link cn.gov.jieyang.talent.portal.profile.ApplicantProfile}. Applicants without a record are sent to
 * {@code /profile} before any other page.
 */
package cn.gov.jieyang.talent.portal.profile;
