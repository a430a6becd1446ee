/**
 * The content-addressed store for material files and signed packages
 * ({@link cn.gov.jieyang.talent.portal.storage.ContentStore}) and the SHA-256 every feature hashes with
 * ({@link cn.gov.jieyang.talent.portal.storage.Sha256}).
 */
package cn.gov.jieyang.talent.portal.storage;
