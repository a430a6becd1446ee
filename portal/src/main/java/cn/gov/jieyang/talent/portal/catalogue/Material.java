package cn.gov.jieyang.talent.portal.catalogue;

/**
 * A document an applicant provides, such as the ID card or a service's application form.
 *
 * @param code   stable identifier (lower-case, digits, '-')
 * @param nameZh Chinese name, as in the bureau's guide
 * @param nameEn English name
 */
public record Material(String code, String nameZh, String nameEn) {

    /**
     * Checks the parts.
     *
     * @param code   identifier
     * @param nameZh Chinese name
     * @param nameEn English name
     * @throws IllegalArgumentException if a part is missing or malformed
     */
    public Material {
        Codes.code("material code", code);
        Codes.text("material name (zh)", nameZh);
        Codes.text("material name (en)", nameEn);
    }
}
