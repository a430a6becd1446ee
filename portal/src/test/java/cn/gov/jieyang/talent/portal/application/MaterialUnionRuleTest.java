package cn.gov.jieyang.talent.portal.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.jieyang.talent.portal.catalogue.Call;
import cn.gov.jieyang.talent.portal.catalogue.Eligibility;
import cn.gov.jieyang.talent.portal.catalogue.Handling;
import cn.gov.jieyang.talent.portal.catalogue.Material;
import cn.gov.jieyang.talent.portal.catalogue.MaterialRequirement;
import cn.gov.jieyang.talent.portal.catalogue.SubjectType;
import cn.gov.jieyang.talent.portal.catalogue.TalentService;
import cn.gov.jieyang.talent.portal.catalogue.TimeLimit;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The union rule where the seed has no example: a specific material that two services share (the
 * catalogue's schema allows it; a future migration may add one).
 */
class MaterialUnionRuleTest {

    static final MaterialRequirement ID = MaterialRequirement.common(new Material("id", "身份证", "ID"));
    static final MaterialRequirement DEGREE = MaterialRequirement.specific(new Material("degree", "学历证书", "Degree"));
    static final MaterialRequirement FORM_A = MaterialRequirement.specific(new Material("form-a", "甲表", "Form A"));
    static final MaterialRequirement FORM_B = MaterialRequirement.specific(new Material("form-b", "乙表", "Form B"));

    static final TalentService A = service("service-a", 1, FORM_A, DEGREE, ID);
    static final TalentService B = service("service-b", 2, ID, DEGREE, FORM_B);

    @Test
    void aSpecificMaterialTwoServicesShareIsAskedOnceWhereTheFirstOfThemAsksForIt() {
        List<RequiredMaterial> materials = ServiceBundle.of(SubjectType.INDIVIDUAL, B, A).requiredMaterials();

        assertThat(materials).extracting(RequiredMaterial::code).containsExactly("id", "form-a", "degree", "form-b");
        assertThat(materials.get(2).neededBy()).containsExactly("service-a", "service-b");
    }

    @Test
    void aSharedMaterialStaysWhileAnyChosenServiceNeedsIt() {
        ServiceBundle both = ServiceBundle.of(SubjectType.INDIVIDUAL, A, B);

        assertThat(both.without("service-a").requiredMaterials()).extracting(RequiredMaterial::code)
                .containsExactly("id", "degree", "form-b");
        assertThat(both.without("service-b").requiredMaterials()).extracting(RequiredMaterial::code)
                .containsExactly("id", "form-a", "degree");
    }

    @Test
    void twoDifferentServicesUnderOneCodeAreRefused() {
        TalentService impostor = service("service-a", 3, ID);

        assertThatThrownBy(() -> ServiceBundle.of(SubjectType.INDIVIDUAL, A, impostor))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static TalentService service(String code, int order, MaterialRequirement... materials) {
        return new TalentService(code, order, "事项" + order, "Service " + order, Eligibility.INDIVIDUAL,
                Handling.local(), TimeLimit.perYearCall(Call.openFrom(LocalDate.EPOCH), LocalDate.EPOCH),
                List.of(materials));
    }
}
