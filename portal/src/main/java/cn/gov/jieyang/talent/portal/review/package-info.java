/**
 * Reviewers (role {@code reviewer}): the workbench (each service's queue with its counts by state; one list per
 * state, filtered, searched — an ID number by its keyed lookup hash only — and keyset-paged), the case page with
 * what the case's service needs, the sealed files and the history, the three decisions (accept, return with a
 * reason, complete) and who works on a case (claim, release, assign), which the cases feature makes. Each reviewer
 * sees only the services of their service-group roles ({@code ReviewScope}); a supervisor sees all. Due days and
 * their flags come from the deadlines feature ({@link cn.gov.jieyang.talent.portal.deadlines.Deadlines}). The
 * auditor's pages are the audit feature's.
 */
package cn.gov.jieyang.talent.portal.review;
