package cn.gov.jieyang.talent.mockyxq.person;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The first-time form as typed. {@link #errors()} maps each field to the message key of its
 * problem; the keys are in messages*.properties under {@code person.error.*}.
 */
public record PersonForm(String name, String idType, String idNumber, boolean consent) {

    static final int NAME_MIN = 2;
    static final int NAME_MAX = 30;

    public String normalizedName() {
        return name == null ? "" : name.strip();
    }

    public String normalizedIdNumber() {
        return ResidentIdNumbers.normalize(idNumber);
    }

    /** Field name to message key, in the order the fields appear; empty when the form is acceptable. */
    public Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        String cleanName = normalizedName();
        int length = cleanName.codePointCount(0, cleanName.length());
        if (length < NAME_MIN || length > NAME_MAX) {
            errors.put("name", "person.error.name.length");
        } else if (cleanName.codePoints().anyMatch(Character::isISOControl)) {
            errors.put("name", "person.error.name.characters");
        }
        if (!Person.RESIDENT_ID.equals(idType)) {
            errors.put("idType", "person.error.idType");
        }
        ResidentIdNumbers.problemWith(normalizedIdNumber()).ifPresent(problem -> errors.put("idNumber", switch (problem) {
            case FORMAT -> "person.error.idNumber.format";
            case BIRTH_DATE -> "person.error.idNumber.birthDate";
            case CHECK_DIGIT -> "person.error.idNumber.checkDigit";
        }));
        if (!consent) {
            errors.put("consent", "person.error.consent");
        }
        return errors;
    }
}
