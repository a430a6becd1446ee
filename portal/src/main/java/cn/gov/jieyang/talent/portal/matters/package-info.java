/**
 * 我的事项: an applicant's applications and each case's state, return reasons, deadlines, hand-offs,
 * timeline and signed package versions. Read-only: cases move in the cases feature.
 */
package cn.gov.jieyang.talent.portal.matters;
