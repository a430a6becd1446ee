/**
 * Reviewers and auditors: the reviewer's queue per service and the three case actions (accept, return
 * with a reason, complete) with their audit events, the working-day calendar deadlines are counted on
 * ({@link cn.gov.jieyang.talent.portal.review.WorkingDayCalendar}), and the auditor's check of the audit
 * chain.
 */
package cn.gov.jieyang.talent.portal.review;
