package cn.gov.jieyang.talent.portal.catalogue;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A material's name as an applicant of one kind reads it. The catalogue's names are the guide's words,
 * written for a person (本人身份证); where an enterprise reads a material differently, the bundle
 * {@code i18n/catalogue} says so under {@code catalogue.material.<code>.<kind>} (the common ID material
 * of an enterprise is that of its 经办人, the person handling the application). Templates call it as
 * {@code ${@materialNames.name(material, applicant, #locale)}}.
 */
@Component
public class MaterialNames {

    private final MessageSource messages;

    MaterialNames(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * The name of a material for an applicant.
     *
     * @param material  the material
     * @param applicant the applicant's kind
     * @param locale    the page's locale
     * @return the name the applicant reads
     */
    public String name(Material material, SubjectType applicant, Locale locale) {
        return name(material.code(), material.nameZh(), material.nameEn(), applicant, locale);
    }

    /**
     * The name of a material for an applicant, from a query's columns.
     *
     * @param code      the material's code
     * @param nameZh    the catalogue's Chinese name
     * @param nameEn    the catalogue's English name
     * @param applicant the applicant's kind; null (a record not found): the catalogue's name
     * @param locale    the page's locale
     * @return the name the applicant reads
     */
    public String name(String code, String nameZh, String nameEn, SubjectType applicant, Locale locale) {
        String catalogue = "en".equals(locale.getLanguage()) ? nameEn : nameZh;
        if (applicant == null) {
            return catalogue;
        }
        return messages.getMessage("catalogue.material." + code + "." + applicant.name().toLowerCase(Locale.ROOT),
                null, catalogue, locale);
    }
}
