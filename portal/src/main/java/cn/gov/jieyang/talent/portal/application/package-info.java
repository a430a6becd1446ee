/**
 * Applications: the services an applicant bundles into one 人才服务“一件事” application and the
 * materials that bundle asks for, each once ({@link cn.gov.jieyang.talent.portal.application.ServiceBundle}).
 */
package cn.gov.jieyang.talent.portal.application;
