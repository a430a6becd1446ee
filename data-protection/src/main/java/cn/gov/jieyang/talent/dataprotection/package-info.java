/**
 * Data at rest, sealed one way: {@link cn.gov.jieyang.talent.dataprotection.Sealer} (a compact JWE,
 * {@code dir} + {@code A256GCM}, by Nimbus JOSE+JWT) over a {@link cn.gov.jieyang.talent.dataprotection.KeyRing}
 * of {@link cn.gov.jieyang.talent.dataprotection.DataKey}s, each value bound to a
 * {@link cn.gov.jieyang.talent.dataprotection.Purpose}; and one keyed hash,
 * {@link cn.gov.jieyang.talent.dataprotection.KeyedHash}. Plain Java, no framework; everything in
 * {@code …dataprotection.internal} may change. Every refusal is a
 * {@link cn.gov.jieyang.talent.dataprotection.DataProtectionException}, whose message never contains a key
 * or a plaintext.
 */
package cn.gov.jieyang.talent.dataprotection;
