package cn.gov.jieyang.talent.portal.application;

import java.util.Locale;
import java.util.Objects;

/**
 * An answer of the one form with the catalogue field it answers, so a page can name it in words.
 *
 * @param field the field (its labels come from the catalogue, V5)
 * @param value the answer as given
 */
public record FieldAnswer(FormField field, String value) {

    /**
     * Checks the parts.
     *
     * @param field the field
     * @param value the answer
     */
    public FieldAnswer {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
    }

    /**
     * The field's code (also the answer's key).
     *
     * @return e.g. {@code contact-phone}
     */
    public String code() {
        return field.code();
    }

    /**
     * The field's label in the page's language.
     *
     * @param locale the page's locale
     * @return e.g. 联系电话 or Contact phone
     */
    public String label(Locale locale) {
        return field.label(locale);
    }
}
