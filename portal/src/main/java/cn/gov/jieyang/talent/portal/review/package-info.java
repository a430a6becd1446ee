/**
 * Reviewers (role {@code reviewer}): the queue per service (the most urgent first, deadlines flagged), the
 * case page with the sealed files and the history, and the three actions (accept, return with a reason,
 * complete), which the cases feature makes. Due days and their flags come from the deadlines feature
 * ({@link cn.gov.jieyang.talent.portal.deadlines.Deadlines}). The auditor's pages are the audit feature's.
 */
package cn.gov.jieyang.talent.portal.review;
