/**
 * The content-addressed store for material files and signed packages
 * ({@link cn.gov.jieyang.talent.portal.storage.ContentStore}).
 */
package cn.gov.jieyang.talent.portal.storage;
