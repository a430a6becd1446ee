package cn.gov.jieyang.talent.portal.profile;

import cn.gov.jieyang.talent.portal.login.CurrentUser;

/**
 * What the real-name form posts. Which fields count depends on the {@link ApplicantKind}: a
 * face-verified person's name and ID are never read from here. Only {@link #FIELDS} are bound.
 */
class ProfileForm {

    /** The request parameters the binder accepts; anything else is ignored. */
    static final String[] FIELDS = {"name", "idType", "idNumber", "phone", "usci", "contactName", "consent"};

    private String name;
    private String idType = "resident_id";
    private String idNumber;
    private String phone;
    private String usci;
    private String contactName;
    private boolean consent;

    /** An empty form for binding. */
    public ProfileForm() {
    }

    /** A new form with what the login already says: the account's name, an enterprise's credit code. */
    static ProfileForm prefilled(CurrentUser me) {
        ProfileForm form = new ProfileForm();
        form.name = me.name();
        form.usci = me.usci();
        return form;
    }

    /** The contact part of an existing record, for editing. */
    static ProfileForm contactOf(ApplicantProfile profile) {
        ProfileForm form = new ProfileForm();
        form.phone = profile.phone();
        form.contactName = profile.contactName();
        return form;
    }

    /** @return the name */
    public String getName() {
        return name;
    }

    /** @param name the person's or enterprise's name */
    public void setName(String name) {
        this.name = name;
    }

    /** @return resident_id or passport */
    public String getIdType() {
        return idType;
    }

    /** @param idType resident_id or passport */
    public void setIdType(String idType) {
        this.idType = idType;
    }

    /** @return the ID number as typed */
    public String getIdNumber() {
        return idNumber;
    }

    /** @param idNumber the ID number as typed */
    public void setIdNumber(String idNumber) {
        this.idNumber = idNumber;
    }

    /** @return the phone number as typed */
    public String getPhone() {
        return phone;
    }

    /** @param phone the phone number as typed */
    public void setPhone(String phone) {
        this.phone = phone;
    }

    /** @return the credit code as typed */
    public String getUsci() {
        return usci;
    }

    /** @param usci the credit code as typed */
    public void setUsci(String usci) {
        this.usci = usci;
    }

    /** @return the enterprise's contact person */
    public String getContactName() {
        return contactName;
    }

    /** @param contactName the enterprise's contact person */
    public void setContactName(String contactName) {
        this.contactName = contactName;
    }

    /** @return whether the consent box is ticked */
    public boolean isConsent() {
        return consent;
    }

    /** @param consent whether the consent box is ticked */
    public void setConsent(boolean consent) {
        this.consent = consent;
    }

    @Override
    public String toString() {
        // Never the ID number, name or phone: this may end up in a log or a debugger's output.
        return "ProfileForm[idType=" + idType + ", consent=" + consent + "]";
    }
}
