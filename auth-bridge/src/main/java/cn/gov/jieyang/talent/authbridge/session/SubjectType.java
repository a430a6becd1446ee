package cn.gov.jieyang.talent.authbridge.session;

/** Who logged in: a natural person, or an enterprise (employer, postdoc workstation). */
public enum SubjectType {
    /** A natural person (a talent, or bureau staff). */
    INDIVIDUAL,
    /** An enterprise, identified by its unified social credit code. */
    ENTERPRISE;

    /** @return the claim value, lower case */
    public String claim() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
