package cn.gov.jieyang.talent.portal.profile;

import cn.gov.jieyang.talent.identity.IdNumber;
import cn.gov.jieyang.talent.identity.IdType;
import cn.gov.jieyang.talent.identity.Usci;
import cn.gov.jieyang.talent.portal.login.CurrentUser;
import cn.gov.jieyang.talent.portal.login.TestLogins;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;

/**
 * Real-name records and face logins for tests, of this feature and of others: an applicant needs a
 * record before any page but /profile lets them through (the gate). Records are stored through
 * {@link Profiles} like the form does (encrypted ID, lookup hash, consent), so tests see real rows.
 */
public final class TestProfiles {

    /** A valid resident ID (GB 11643 check character X; born 1985-12-31; Jieyang's region 445202). */
    public static final String RESIDENT_ID = "44520219851231123X";
    /** {@link #RESIDENT_ID} masked. */
    public static final String RESIDENT_ID_MASKED = "4452**********123X";
    /** A valid unified social credit code (GB 32100). */
    public static final String USCI = "91445200MA4W00003L";
    /** Another valid unified social credit code. */
    public static final String OTHER_USCI = "91445200MA4W00011F";

    private TestProfiles() {
    }

    /**
     * A face-verified login whose userinfo carries the verified ID number, as the bridge's does under
     * scope {@code realname}.
     *
     * @param subject  the bridge subject
     * @param name     the verified name
     * @param idNumber the verified resident ID number
     * @return the principal
     */
    public static OidcLoginRequestPostProcessor faceLogin(String subject, String name, String idNumber) {
        // Sealed as the login does (SealingOidcUserService), under the development key of application-dev.yml.
        String sealed = IdentityKeyConfig.protector(new IdentityKeyProperties(DEV_ID_NUMBER_KEY, null, null))
                .seal(IdNumber.of(IdType.RESIDENT_ID, idNumber));
        return TestLogins.faceVerified(subject, name).userInfoToken(u -> u.subject(subject).name(name)
                .claim("id_type", "resident_id")
                .claim(CurrentUser.SEALED_ID_NUMBER_CLAIM, sealed));
    }

    /** The development key in application-dev.yml, which the tests run with. */
    static final String DEV_ID_NUMBER_KEY = "x2T3fsYanf6dW3amh078WOXsQ5iuLJq9RKXAzT8ccKc=";

    /**
     * Stores a declared individual's record with {@link #RESIDENT_ID}.
     *
     * @param profiles the service
     * @param subject  the bridge subject
     * @param name     the declared name
     * @return the stored record
     */
    public static ApplicantProfile declaredIndividual(Profiles profiles, String subject, String name) {
        return profiles.create(NewProfile.individual(subject, Verification.DECLARED, name,
                IdNumber.residentId(RESIDENT_ID), "13800138000"));
    }

    /**
     * Stores a face-verified individual's record.
     *
     * @param profiles the service
     * @param subject  the bridge subject
     * @param name     the verified name
     * @param idNumber the verified resident ID number
     * @return the stored record
     */
    public static ApplicantProfile faceVerifiedIndividual(Profiles profiles, String subject, String name,
            String idNumber) {
        return profiles.create(NewProfile.individual(subject, Verification.FACE_VERIFIED, name,
                IdNumber.residentId(idNumber), "13800138000"));
    }

    /**
     * Stores an enterprise's record.
     *
     * @param profiles the service
     * @param subject  the bridge subject
     * @param name     the enterprise's name
     * @param usci     its credit code
     * @return the stored record
     */
    public static ApplicantProfile enterprise(Profiles profiles, String subject, String name, String usci) {
        return profiles.create(NewProfile.enterprise(subject, name, Usci.of(usci), "李联系", "06638223456"));
    }
}
