/**
 * Submitting an application (its cases go to the reviewers or are handed off, its materials are sealed
 * into a signed package, all in one transaction), resubmitting returned cases as a new package version,
 * downloading packages, and the auditor's package check.
 */
package cn.gov.jieyang.talent.portal.submission;
