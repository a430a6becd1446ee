package cn.gov.jieyang.talent.authbridge.session;

import cn.gov.jieyang.talent.identity.IdNumber;
import java.util.List;
import java.util.Objects;

/**
 * What a login door hands over to start a session.
 *
 * @param subject     the stable subject identifier
 * @param subjectType individual or enterprise
 * @param acr         how strongly proven
 * @param amr         methods used
 * @param name        name (verified for face logins)
 * @param idNumber    the verified ID number (face logins), or null; stored sealed, never logged
 * @param usci        the enterprise's USCI, or null
 * @param roles       roles
 * @param locale      the language tag the person signed in with ({@code zh-CN}, {@code en}), or null
 */
public record NewSession(String subject, SubjectType subjectType, String acr, List<String> amr, String name,
                         IdNumber idNumber, String usci, List<String> roles, String locale) {

    /**
     * A session with no language recorded.
     *
     * @param subject     subject
     * @param subjectType subject type
     * @param acr         acr
     * @param amr         amr
     * @param name        name
     * @param idNumber    ID number or null
     * @param usci        USCI or null
     * @param roles       roles
     */
    public NewSession(String subject, SubjectType subjectType, String acr, List<String> amr, String name,
                      IdNumber idNumber, String usci, List<String> roles) {
        this(subject, subjectType, acr, amr, name, idNumber, usci, roles, null);
    }

    /**
     * Checks and copies.
     *
     * @param subject     subject
     * @param subjectType subject type
     * @param acr         acr
     * @param amr         amr
     * @param name        name
     * @param idNumber    ID number or null
     * @param usci        USCI or null
     * @param roles       roles
     * @param locale      language tag or null
     */
    public NewSession {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(acr, "acr");
        amr = List.copyOf(amr);
        roles = List.copyOf(roles);
        if (locale != null && !locale.matches("[a-z]{2}(-[A-Z]{2})?")) {
            throw new IllegalArgumentException("not a language tag: " + locale);
        }
    }

    /**
     * The same, in another language.
     *
     * @param languageTag the language tag
     * @return a copy
     */
    public NewSession inLanguage(String languageTag) {
        return new NewSession(subject, subjectType, acr, amr, name, idNumber, usci, roles, languageTag);
    }

    @Override
    public String toString() {
        // Never print the ID number, whatever logs this record.
        return "NewSession[subject=" + subject + ", type=" + subjectType + ", acr=" + acr + "]";
    }
}
