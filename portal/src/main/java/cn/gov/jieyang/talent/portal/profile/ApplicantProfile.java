package cn.gov.jieyang.talent.portal.profile;

import cn.gov.jieyang.talent.identity.IdType;
import cn.gov.jieyang.talent.identity.Usci;
import cn.gov.jieyang.talent.portal.catalogue.SubjectType;
import java.time.Instant;
import java.util.Objects;

/**
 * An applicant's real-name record (实名信息), as other features see it: never the full ID number, only
 * its mask. Obtain it from {@link Profiles#find(String)}.
 *
 * @param subject            the bridge's {@code sub} this record belongs to
 * @param subjectType        individual or enterprise
 * @param verification       face-verified by 粤信签 or declared
 * @param name               the person's or the enterprise's name
 * @param idType             individuals: the document type; enterprises: null
 * @param idNumberMasked     individuals: e.g. {@code 4452**********123X}; enterprises: null
 * @param usci               enterprises: the unified social credit code; individuals: null
 * @param contactName        enterprises: the contact person; individuals: null
 * @param phone              the contact phone number
 * @param consentedAt        when the applicant agreed to the consent text
 * @param consentTextVersion which consent text they agreed to (e.g. {@code 2026-11-v1})
 */
public record ApplicantProfile(String subject, SubjectType subjectType, Verification verification, String name,
        IdType idType, String idNumberMasked, Usci usci, String contactName, String phone, Instant consentedAt,
        String consentTextVersion) {

    /**
     * Checks that the parts fit together (an individual has an ID, an enterprise a credit code).
     *
     * @param subject            subject
     * @param subjectType        type
     * @param verification       verification
     * @param name               name
     * @param idType             ID type or null
     * @param idNumberMasked     masked ID number or null
     * @param usci               USCI or null
     * @param contactName        contact person or null
     * @param phone              phone
     * @param consentedAt        consent time
     * @param consentTextVersion consent text version
     */
    public ApplicantProfile {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(verification, "verification");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(consentedAt, "consentedAt");
        Objects.requireNonNull(consentTextVersion, "consentTextVersion");
        if (subjectType == SubjectType.INDIVIDUAL && (idType == null || idNumberMasked == null || usci != null)) {
            throw new IllegalArgumentException("an individual's record has an ID number and no credit code");
        }
        if (subjectType == SubjectType.ENTERPRISE && (usci == null || idType != null || idNumberMasked != null)) {
            throw new IllegalArgumentException("an enterprise's record has a credit code and no ID number");
        }
    }

    /** @return whether the name and ID number come from a 粤信签 face-verified login */
    public boolean isFaceVerified() {
        return verification == Verification.FACE_VERIFIED;
    }

    /** @return whether this is an enterprise's record */
    public boolean isEnterprise() {
        return subjectType == SubjectType.ENTERPRISE;
    }

    /**
     * What identifies the applicant on screen: the masked ID number, or the credit code (public).
     *
     * @return the masked ID number or the USCI
     */
    public String identifierForDisplay() {
        return isEnterprise() ? usci.value() : idNumberMasked;
    }

    @Override
    public String toString() {
        // Name and phone are personal data: keep them out of logs that print this record.
        return "ApplicantProfile[" + subject + ", " + subjectType + ", " + verification + "]";
    }
}
