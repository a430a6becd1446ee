/**
 * Deadlines of cases: the working-day calendar of mainland China (one resource file per year,
 * {@code calendar/cn-<year>.txt}, from the State Council's notice), the due day a case gets when it is
 * accepted, and whether it is on time, due soon or overdue ({@link
 * cn.gov.jieyang.talent.portal.deadlines.Deadlines}, {@link cn.gov.jieyang.talent.portal.deadlines.Deadline}).
 * The review and matters features show them; the cases feature stores the due day with the acceptance.
 */
package cn.gov.jieyang.talent.portal.deadlines;
