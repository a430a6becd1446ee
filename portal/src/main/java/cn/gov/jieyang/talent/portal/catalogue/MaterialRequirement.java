package cn.gov.jieyang.talent.portal.catalogue;

import java.util.Objects;

/**
 * A material a service requires, and whether it is common to all services (共性材料, given once per
 * application) or specific to some.
 *
 * @param material the material
 * @param kind     common or specific
 */
public record MaterialRequirement(Material material, Kind kind) {

    /** Whether a material is shared by all services or specific to some. */
    public enum Kind {
        /** 共性材料: every service requires it; an application asks for it once. */
        COMMON,
        /** 其他材料: required by particular services only. */
        SPECIFIC
    }

    /**
     * Checks the parts.
     *
     * @param material the material
     * @param kind     common or specific
     * @throws NullPointerException if a part is missing
     */
    public MaterialRequirement {
        Objects.requireNonNull(material, "material");
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * A common material.
     *
     * @param material the material
     * @return the requirement
     */
    public static MaterialRequirement common(Material material) {
        return new MaterialRequirement(material, Kind.COMMON);
    }

    /**
     * A service-specific material.
     *
     * @param material the material
     * @return the requirement
     */
    public static MaterialRequirement specific(Material material) {
        return new MaterialRequirement(material, Kind.SPECIFIC);
    }

    /**
     * The material's code.
     *
     * @return the code
     */
    public String code() {
        return material.code();
    }

    /**
     * Whether this is a common material.
     *
     * @return true for {@link Kind#COMMON}
     */
    public boolean isCommon() {
        return kind == Kind.COMMON;
    }
}
