package cn.gov.jieyang.talent.portal.application;

import cn.gov.jieyang.talent.portal.catalogue.Material;
import cn.gov.jieyang.talent.portal.catalogue.MaterialRequirement;
import java.util.List;
import java.util.Objects;

/**
 * A material a bundle asks for once, and which of the chosen services need it.
 *
 * @param requirement the material and whether it is common or specific
 * @param neededBy    codes of the chosen services that need it, in service order; never empty
 */
public record RequiredMaterial(MaterialRequirement requirement, List<String> neededBy) {

    /**
     * Checks the parts and copies the list.
     *
     * @param requirement the material
     * @param neededBy    the services needing it
     * @throws IllegalArgumentException if no service needs it
     */
    public RequiredMaterial {
        Objects.requireNonNull(requirement, "requirement");
        neededBy = List.copyOf(neededBy);
        if (neededBy.isEmpty()) {
            throw new IllegalArgumentException("material " + requirement.code() + " is needed by no service");
        }
    }

    /**
     * The material.
     *
     * @return the material
     */
    public Material material() {
        return requirement.material();
    }

    /**
     * The material's code.
     *
     * @return the code
     */
    public String code() {
        return requirement.code();
    }

    /**
     * Whether it is a common material (共性材料).
     *
     * @return true if common
     */
    public boolean isCommon() {
        return requirement.isCommon();
    }
}
