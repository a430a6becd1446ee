/**
 * Applications: the services an applicant bundles into one 人才服务“一件事” application and the
 * materials that bundle asks for, each once ({@link cn.gov.jieyang.talent.portal.application.ServiceBundle});
 * the draft pages (choose services, task list, one form, uploads, check your answers) and the read API
 * other features use ({@link cn.gov.jieyang.talent.portal.application.Drafts},
 * {@link cn.gov.jieyang.talent.portal.application.DraftView}). A chosen service's case is opened and
 * discarded through the cases feature, which owns every write of a case.
 */
package cn.gov.jieyang.talent.portal.application;
