package cn.gov.jieyang.talent.portal.catalogue;

/** The kind of subject applying: a person or an enterprise (employer, postdoctoral workstation…). */
public enum SubjectType {
    /** A natural person (a talent). */
    INDIVIDUAL,
    /** An enterprise or institution, identified by its unified social credit code. */
    ENTERPRISE
}
