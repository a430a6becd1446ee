package cn.gov.jieyang.talent.signing;

/** The verdict on one file of a package. */
public enum FileStatus {
    /** Present, and its SHA-256 equals the digest in the signed manifest. */
    OK,
    /** Present, but its content differs from what was signed. */
    MODIFIED,
    /** Named in the signed manifest but absent from the container. */
    MISSING,
    /** In the container but not covered by the signed manifest (added after signing). */
    UNEXPECTED
}
