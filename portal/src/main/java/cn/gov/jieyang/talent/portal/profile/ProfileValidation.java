package cn.gov.jieyang.talent.portal.profile;

import cn.gov.jieyang.talent.identity.IdNumber;
import cn.gov.jieyang.talent.identity.IdType;
import cn.gov.jieyang.talent.identity.InvalidIdentityException;
import cn.gov.jieyang.talent.identity.Usci;
import cn.gov.jieyang.talent.portal.identity.PhoneNumber;
import java.util.Optional;
import org.springframework.validation.Errors;

/**
 * Checks a posted {@link ProfileForm} and turns it into a {@link NewProfile} or contact details. Each
 * refusal is a field error whose code is a bundle key {@code profile.error.<rule>}; rejected values are
 * never logged or put into a message. Every input is bounded before it is parsed.
 */
final class ProfileValidation {

    /** {@code applicant_profile.name} and {@code contact_name} are varchar(100). */
    static final int NAME_MAX = 100;
    /** Longer than any valid ID number or credit code with stray spaces; refused before parsing. */
    static final int CODE_INPUT_MAX = 40;
    static final int PHONE_INPUT_MAX = PhoneNumber.INPUT_MAX;

    private ProfileValidation() {
    }

    /** Contact details after checking. */
    record Contact(String contactName, String phone) {
    }

    /**
     * Checks a first-time form. Face-verified people give only phone and consent; their name and ID
     * come from {@code verified} (the login), whatever the form says.
     *
     * @return the record to store, or null if {@code errors} now has errors
     */
    static NewProfile newProfile(ApplicantKind kind, String subject, VerifiedIdentity verified, ProfileForm form,
            Errors errors) {
        NewProfile result = switch (kind) {
            case verified -> {
                String phone = phone(form, errors);
                yield phone == null ? null : NewProfile.individual(subject, Verification.FACE_VERIFIED,
                        verified.name(), verified.idNumber(), phone);
            }
            case declared -> {
                String name = name("name", "name", form.getName(), errors);
                IdNumber id = idNumber(form, errors);
                String phone = phone(form, errors);
                yield name == null || id == null || phone == null ? null
                        : NewProfile.individual(subject, Verification.DECLARED, name, id, phone);
            }
            case enterprise -> {
                String name = name("name", "enterpriseName", form.getName(), errors);
                Usci usci = usci(form, errors);
                String contactName = name("contactName", "contactName", form.getContactName(), errors);
                String phone = phone(form, errors);
                yield name == null || usci == null || contactName == null || phone == null ? null
                        : NewProfile.enterprise(subject, name, usci, contactName, phone);
            }
        };
        if (!form.isConsent() && !errors.hasFieldErrors("consent")) {
            errors.rejectValue("consent", "profile.error.consent.required");
        }
        return errors.hasErrors() ? null : result;
    }

    /**
     * Checks the editable part of an existing record: the phone, and an enterprise's contact person.
     *
     * @return the details, or null if {@code errors} now has errors
     */
    static Contact contact(ApplicantKind kind, ProfileForm form, Errors errors) {
        String contactName = kind == ApplicantKind.enterprise
                ? name("contactName", "contactName", form.getContactName(), errors) : null;
        String phone = phone(form, errors);
        return errors.hasErrors() ? null : new Contact(contactName, phone);
    }

    private static String name(String field, String rule, String raw, Errors errors) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty()) {
            errors.rejectValue(field, "profile.error." + rule + ".required");
            return null;
        }
        if (name.codePointCount(0, name.length()) > NAME_MAX) {
            errors.rejectValue(field, "profile.error." + rule + ".tooLong", new Object[] {NAME_MAX}, null);
            return null;
        }
        // Control characters (line breaks, NUL, bidi overrides are format chars) have no place in a name
        // and would confuse the signed summary and reviewers' screens.
        if (name.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            errors.rejectValue(field, "profile.error." + rule + ".invalid");
            return null;
        }
        return name;
    }

    private static IdNumber idNumber(ProfileForm form, Errors errors) {
        IdType type = switch (String.valueOf(form.getIdType())) {
            case "resident_id" -> IdType.RESIDENT_ID;
            case "passport" -> IdType.PASSPORT;
            default -> null;
        };
        if (type == null) {
            errors.rejectValue("idType", "profile.error.idType.required");
            return null;
        }
        String raw = form.getIdNumber();
        if (raw != null && raw.length() > CODE_INPUT_MAX) {
            errors.rejectValue("idNumber", "profile.error."
                    + (type == IdType.RESIDENT_ID ? InvalidIdentityException.ID_FORMAT : InvalidIdentityException.PASSPORT_FORMAT));
            return null;
        }
        try {
            return IdNumber.of(type, raw);
        } catch (InvalidIdentityException e) {
            errors.rejectValue("idNumber", "profile.error." + e.code());
            return null;
        }
    }

    private static Usci usci(ProfileForm form, Errors errors) {
        String raw = form.getUsci();
        if (raw != null && raw.length() > CODE_INPUT_MAX) {
            errors.rejectValue("usci", "profile.error." + InvalidIdentityException.USCI_FORMAT);
            return null;
        }
        try {
            return Usci.of(raw);
        } catch (InvalidIdentityException e) {
            errors.rejectValue("usci", "profile.error." + e.code());
            return null;
        }
    }

    private static String phone(ProfileForm form, Errors errors) {
        String raw = form.getPhone() == null ? "" : form.getPhone().strip();
        if (raw.isEmpty()) {
            errors.rejectValue("phone", "profile.error.phone.required");
            return null;
        }
        Optional<PhoneNumber> phone = PhoneNumber.parse(raw);
        if (phone.isEmpty()) {
            errors.rejectValue("phone", "profile.error.phone.format");
            return null;
        }
        return phone.get().value();
    }
}
