/**
 * A case's state, with one owner: {@link cn.gov.jieyang.talent.portal.cases.CaseState} (the stored codes
 * and the allowed moves) and {@link cn.gov.jieyang.talent.portal.cases.Cases}, the only code that writes
 * {@code application_case}. The application feature opens and discards draft cases, submission submits,
 * hands off and resubmits them, review accepts, returns and completes them; each asks {@code Cases}, which
 * publishes a past-tense {@link cn.gov.jieyang.talent.portal.cases.CaseEvent} (CaseSubmitted, CaseHandedOff,
 * CaseAccepted, CaseReturned, CaseCompleted, CaseResubmitted) in the transaction of the move. The audit
 * chain records them from those events; Spring Modulith's JDBC event publication registry
 * ({@code event_publication}, V10) keeps the publications to listeners that run after the commit until
 * they complete.
 */
package cn.gov.jieyang.talent.portal.cases;
