package cn.gov.jieyang.talent.portal.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.jieyang.talent.portal.catalogue.Catalogue;
import cn.gov.jieyang.talent.portal.catalogue.CatalogueDatabaseTest;
import cn.gov.jieyang.talent.portal.catalogue.SubjectType;
import cn.gov.jieyang.talent.portal.catalogue.TalentService;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The "one thing" material-union rule over the real catalogue (embedded PostgreSQL, Flyway). */
@CatalogueDatabaseTest
class ServiceBundleTest {

    static final List<String> COMMON = List.of("id-document", "one-thing-application-form");
    static final List<String> RECOGNITION = List.of("talent-recognition-application-form",
            "talent-recognition-review-summary", "talent-recognition-criteria-evidence");
    static final List<String> CHIEF_TECHNICIAN = List.of("chief-technician-credentials",
            "employer-recommendation-letter", "chief-technician-work-summary", "chief-technician-recommendation-form");
    static final List<String> RENT_SUBSIDY = List.of("rent-subsidy-application-form", "rent-subsidy-evidence-originals");

    @Autowired
    Catalogue catalogue;

    @Test
    void recognitionChiefTechnicianAndRentSubsidyAskForTheIdAndTheOneThingFormOnceEachPlusEachServicesOwn() {
        ServiceBundle bundle = ServiceBundle.of(SubjectType.INDIVIDUAL,
                service("talent-recognition"), service("chief-technician"), service("rent-subsidy"));

        List<RequiredMaterial> materials = bundle.requiredMaterials();

        assertThat(materials).extracting(RequiredMaterial::code)
                .containsExactlyElementsOf(concat(COMMON, RECOGNITION, CHIEF_TECHNICIAN, RENT_SUBSIDY));
        assertThat(materials.subList(0, 2)).allSatisfy(m -> {
            assertThat(m.isCommon()).isTrue();
            assertThat(m.neededBy()).containsExactly("talent-recognition", "chief-technician", "rent-subsidy");
        });
        assertThat(materials.get(2).material().nameZh()).isEqualTo("高层次人才分类认定申报表");
        assertThat(materials).filteredOn(m -> CHIEF_TECHNICIAN.contains(m.code()))
                .allSatisfy(m -> assertThat(m.neededBy()).containsExactly("chief-technician"));
    }

    @Test
    void removingChiefTechnicianRemovesOnlyWhatNoOtherChosenServiceNeeds() {
        ServiceBundle bundle = ServiceBundle.of(SubjectType.INDIVIDUAL,
                service("talent-recognition"), service("chief-technician"), service("rent-subsidy"));

        ServiceBundle smaller = bundle.without("chief-technician");

        assertThat(smaller.services()).extracting(TalentService::code)
                .containsExactly("talent-recognition", "rent-subsidy");
        assertThat(smaller.requiredMaterials()).extracting(RequiredMaterial::code)
                .containsExactlyElementsOf(concat(COMMON, RECOGNITION, RENT_SUBSIDY));
        assertThat(smaller.requiredMaterials().get(0).neededBy()).containsExactly("talent-recognition", "rent-subsidy");
        assertThat(bundle.requiredMaterials()).hasSize(11); // the original bundle is unchanged
    }

    @Test
    void theOrderOfChoosingDoesNotChangeTheOrderOfAsking() {
        ServiceBundle forwards = ServiceBundle.of(SubjectType.INDIVIDUAL,
                service("talent-recognition"), service("chief-technician"), service("rent-subsidy"));
        ServiceBundle backwards = ServiceBundle.of(SubjectType.INDIVIDUAL, service("rent-subsidy"))
                .with(service("chief-technician")).with(service("talent-recognition")).with(service("rent-subsidy"));

        assertThat(backwards).isEqualTo(forwards);
        assertThat(backwards.requiredMaterials()).isEqualTo(forwards.requiredMaterials());
    }

    @Test
    void handedOffServicesAddOnlyTheCommonMaterials() {
        ServiceBundle bundle = ServiceBundle.of(SubjectType.INDIVIDUAL, catalogue.all().subList(2, 7));

        assertThat(bundle.requiredMaterials()).extracting(RequiredMaterial::code).containsExactlyElementsOf(COMMON);
        assertThat(bundle.requiredMaterials().get(0).neededBy()).hasSize(5);
    }

    @Test
    void anEnterpriseCannotBundleAnIndividualOnlyService() {
        TalentService funding = service("research-station-funding");
        ServiceBundle enterprise = ServiceBundle.of(SubjectType.ENTERPRISE, funding);

        assertThatThrownBy(() -> ServiceBundle.of(SubjectType.ENTERPRISE, funding, service("rent-subsidy")))
                .isInstanceOfSatisfying(IneligibleServiceException.class, e -> {
                    assertThat(e.subjectType()).isEqualTo(SubjectType.ENTERPRISE);
                    assertThat(e.serviceCode()).isEqualTo("rent-subsidy");
                });
        assertThatThrownBy(() -> enterprise.with(service("chief-technician")))
                .isInstanceOf(IneligibleServiceException.class)
                .hasMessageContaining("chief-technician");
        assertThat(enterprise.requiredMaterials()).extracting(RequiredMaterial::code)
                .containsExactly("id-document", "one-thing-application-form",
                        "research-station-funding-application-form");
    }

    @Test
    void anIndividualMayBundleAllNineServices() {
        ServiceBundle everything = ServiceBundle.of(SubjectType.INDIVIDUAL, catalogue.all());

        assertThat(everything.services()).hasSize(9);
        assertThat(everything.requiredMaterials()).extracting(RequiredMaterial::code).doesNotHaveDuplicates()
                .hasSize(2 + 3 + 4 + 1 + 2);
    }

    @Test
    void anEmptyBundleAsksForNothing() {
        ServiceBundle one = ServiceBundle.of(SubjectType.INDIVIDUAL, service("rent-subsidy"));

        assertThat(one.without("rent-subsidy").isEmpty()).isTrue();
        assertThat(one.without("rent-subsidy").requiredMaterials()).isEmpty();
        assertThat(one.without("no-such-service")).isEqualTo(one);
    }

    private TalentService service(String code) {
        return catalogue.byCode(code).orElseThrow();
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
