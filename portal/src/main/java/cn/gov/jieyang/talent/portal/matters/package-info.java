/**
 * 我的事项: an applicant's applications and each case's state, return reasons, deadlines, hand-offs,
 * timeline and signed package versions. Read-only: every state change happens elsewhere.
 */
package cn.gov.jieyang.talent.portal.matters;
