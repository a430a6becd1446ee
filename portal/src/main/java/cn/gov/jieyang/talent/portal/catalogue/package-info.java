/**
 * The catalogue of the nine talent services of 人才服务“一件事”: what each service is, who may apply
 * for it, where it is handled, its time limit and the materials it requires. The catalogue is data
 * (Flyway migration {@code V1__catalogue.sql}), read through {@link
 * cn.gov.jieyang.talent.portal.catalogue.Catalogue}.
 */
package cn.gov.jieyang.talent.portal.catalogue;
