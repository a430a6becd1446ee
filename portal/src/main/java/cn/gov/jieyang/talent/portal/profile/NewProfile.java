package cn.gov.jieyang.talent.portal.profile;

import cn.gov.jieyang.talent.identity.IdNumber;
import cn.gov.jieyang.talent.identity.Usci;
import cn.gov.jieyang.talent.portal.catalogue.SubjectType;
import java.util.Objects;

/**
 * A checked real-name record about to be stored: an individual's ({@link #individual}) or an
 * enterprise's ({@link #enterprise}). Holds the full ID number, so it stays inside this package.
 */
record NewProfile(String subject, SubjectType subjectType, Verification verification, String name,
        IdNumber idNumber, Usci usci, String contactName, String phone) {

    NewProfile {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(phone, "phone");
    }

    static NewProfile individual(String subject, Verification verification, String name, IdNumber idNumber,
            String phone) {
        return new NewProfile(subject, SubjectType.INDIVIDUAL, verification, name,
                Objects.requireNonNull(idNumber, "idNumber"), null, null, phone);
    }

    static NewProfile enterprise(String subject, String name, Usci usci, String contactName, String phone) {
        return new NewProfile(subject, SubjectType.ENTERPRISE, Verification.DECLARED, name, null,
                Objects.requireNonNull(usci, "usci"), Objects.requireNonNull(contactName, "contactName"), phone);
    }

    @Override
    public String toString() {
        return "NewProfile[" + subject + ", " + subjectType + ", " + verification + "]";
    }
}
