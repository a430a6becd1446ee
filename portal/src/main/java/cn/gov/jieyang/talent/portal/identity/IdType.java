package cn.gov.jieyang.talent.portal.identity;

/**
 * The kind of identity document a person's {@link IdNumber} comes from.
 *
 * <p>The constant names are persisted (a database column, and the associated data and hash input of
 * {@link IdNumberProtector}); renaming one would make every stored ciphertext and lookup hash of that
 * type unusable, so treat them as frozen.
 */
public enum IdType {
    /** A mainland resident identity card number (居民身份证号码, GB 11643-1999). */
    RESIDENT_ID,
    /** A passport number, for people from outside the mainland (境外人员). */
    PASSPORT
}
