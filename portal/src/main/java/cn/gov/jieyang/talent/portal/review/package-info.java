/**
 * Reviewers (role {@code reviewer}): the queue per service, the case page with the sealed files and the
 * history, and the three actions (accept, return with a reason, complete), which the cases feature
 * makes; and the working-day calendar deadlines are counted on
 * ({@link cn.gov.jieyang.talent.portal.review.WorkingDayCalendar}). The auditor's pages are the audit
 * feature's.
 */
package cn.gov.jieyang.talent.portal.review;
