package cn.gov.jieyang.talent.portal.profile;

import cn.gov.jieyang.talent.portal.catalogue.SubjectType;
import cn.gov.jieyang.talent.portal.login.CurrentUser;

/** Which real-name form a logged-in applicant gets; the names are used in templates and bundle keys. */
enum ApplicantKind {
    /** Face-verified by 粤信签: name and ID come from the login and are locked. */
    verified,
    /** Password individual: declares name, ID type and number. */
    declared,
    /** Enterprise account: declares its name, credit code and a contact person. */
    enterprise;

    static ApplicantKind of(CurrentUser me) {
        if (me.subjectType() == SubjectType.ENTERPRISE) {
            return enterprise;
        }
        return me.faceVerified() ? verified : declared;
    }
}
