/**
 * The catalogue of the nine talent services of 人才服务“一件事”: what each service is, who may apply
 * for it, where it is handled, its time limit (with the call in force for a per-call service) and the
 * materials it requires. The catalogue is data (Flyway migrations {@code V1__catalogue.sql}, and
 * {@code V11__calls_and_calendar_files.sql} for the calls), read through {@link
 * cn.gov.jieyang.talent.portal.catalogue.Catalogue}.
 */
package cn.gov.jieyang.talent.portal.catalogue;
