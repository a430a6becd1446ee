package cn.gov.jieyang.talent.identity;

/**
 * The kind of identity document an {@link IdNumber} comes from.
 *
 * <p>The constant names are persisted (database columns, and the purpose and hash input of sealed ID
 * numbers); renaming one would make every stored value of that type unusable, so treat them as frozen.
 */
public enum IdType {
    /** A mainland resident identity card number (居民身份证号码, GB 11643-1999). */
    RESIDENT_ID,
    /** A passport number, for people from outside the mainland (境外人员). */
    PASSPORT
}
