/**
 * Submitting an application (its materials sealed into a signed package, its cases submitted or handed
 * off by the cases feature, all in one transaction), resubmitting returned cases as a new package
 * version, and downloading packages. It tells the auditor's package check which application a package
 * is ({@link cn.gov.jieyang.talent.portal.audit.PackagesOnRecord}).
 */
package cn.gov.jieyang.talent.portal.submission;
