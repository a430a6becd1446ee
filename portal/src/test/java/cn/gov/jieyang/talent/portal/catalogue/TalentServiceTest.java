package cn.gov.jieyang.talent.portal.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks the catalogue's records make whatever the database holds. */
class TalentServiceTest {

    static final MaterialRequirement ID = MaterialRequirement.common(new Material("id-document", "身份证", "ID"));
    static final MaterialRequirement FORM = MaterialRequirement.specific(new Material("form", "申请表", "Form"));

    @Test
    void aHandedOffServiceMayNotAskForSpecificMaterialsHere() {
        Handling provincial = Handling.handedOff("省系统", "Provincial system", URI.create("https://example.gov.cn/"));

        assertThatThrownBy(() -> service(provincial, List.of(ID, FORM)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("handed off");
        assertThat(service(provincial, List.of(ID)).specificMaterials()).isEmpty();
    }

    @Test
    void aServiceListsEachMaterialOnce() {
        assertThatThrownBy(() -> service(Handling.local(), List.of(ID, FORM, ID)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }

    @Test
    void codesAreLowerCaseWordsAndLinksAreWebAddresses() {
        assertThatThrownBy(() -> new Material("ID Card", "身份证", "ID")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Handling.handedOff("省系统", "System", URI.create("ftp://example.gov.cn/")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWorkingDayLimitIsPositiveAndAlwaysAcceptsWhileAPerCallLimitAcceptsOnlyWhileTheCallIsOpen() {
        assertThatThrownBy(() -> TimeLimit.workingDaysFromAcceptance(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(TimeLimit.workingDaysFromAcceptance(8).acceptsApplications()).isTrue();
        assertThat(TimeLimit.perYearCall(true).acceptsApplications()).isTrue();
        assertThat(TimeLimit.perYearCall(false).acceptsApplications()).isFalse();
    }

    @Test
    void eligibilityAdmitsTheSubjectTypesItNames() {
        assertThat(Eligibility.INDIVIDUAL.admits(SubjectType.INDIVIDUAL)).isTrue();
        assertThat(Eligibility.INDIVIDUAL.admits(SubjectType.ENTERPRISE)).isFalse();
        assertThat(Eligibility.ENTERPRISE.admits(SubjectType.INDIVIDUAL)).isFalse();
        assertThat(Eligibility.ENTERPRISE.admits(SubjectType.ENTERPRISE)).isTrue();
        assertThat(Eligibility.BOTH.admits(SubjectType.INDIVIDUAL)).isTrue();
        assertThat(Eligibility.BOTH.admits(SubjectType.ENTERPRISE)).isTrue();
    }

    private static TalentService service(Handling handling, List<MaterialRequirement> materials) {
        return new TalentService("some-service", 1, "某事项", "Some service", Eligibility.INDIVIDUAL, handling,
                TimeLimit.perYearCall(true), materials);
    }
}
