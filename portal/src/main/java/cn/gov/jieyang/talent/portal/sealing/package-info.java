/**
 * The bureau's seal: its key (a development CA and seal created on first start, or the bureau's
 * PKCS#12 in production, {@link cn.gov.jieyang.talent.portal.sealing.SealKey}) and the signed ASiC-E
 * package of an application's materials and summary
 * ({@link cn.gov.jieyang.talent.portal.sealing.PackageSealer}), built with the {@code signing} library.
 */
package cn.gov.jieyang.talent.portal.sealing;
