package cn.gov.jieyang.talent.portal.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.LocalDate;
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
        assertThat(TimeLimit.perYearCall(Call.openFrom(LocalDate.parse("2026-03-01")), LocalDate.parse("2026-03-01"))
                .acceptsApplications()).isTrue();
        assertThat(TimeLimit.perYearCall(Call.openFrom(LocalDate.parse("2026-03-01")), LocalDate.parse("2026-02-28"))
                .acceptsApplications()).isFalse();
        assertThat(TimeLimit.perYearCall(null, LocalDate.parse("2026-03-01")).acceptsApplications()).isFalse();
    }

    @Test
    void aCallIsOpenFromItsFirstToItsLastDayBothIncluded() {
        Call call = new Call(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31"), "关于2026年度申报的通知",
                URI.create("https://hrss.example.gov.cn/notice"), 15);

        assertThat(call.isOpenOn(LocalDate.parse("2026-02-28"))).isFalse();
        assertThat(call.isOpenOn(LocalDate.parse("2026-03-01"))).isTrue();
        assertThat(call.isOpenOn(LocalDate.parse("2026-03-31"))).isTrue();
        assertThat(call.isOpenOn(LocalDate.parse("2026-04-01"))).isFalse();
        assertThat(call.closedBy(LocalDate.parse("2026-04-01"))).isTrue();
        assertThat(TimeLimit.perYearCall(call, LocalDate.parse("2026-04-01")).workingDays()).hasValue(15);
        assertThat(TimeLimit.workingDaysFromAcceptance(8).workingDays()).hasValue(8);
        assertThat(TimeLimit.perYearCall(Call.openFrom(LocalDate.parse("2026-03-01")), LocalDate.parse("2026-03-01"))
                .workingDays()).isEmpty();
        assertThatThrownBy(() -> new Call(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-02-28"), null, null,
                null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Call(LocalDate.parse("2026-03-01"), null, null,
                URI.create("javascript:alert(1)"), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Call(LocalDate.parse("2026-03-01"), null, null, null, 0))
                .isInstanceOf(IllegalArgumentException.class);
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
                TimeLimit.perYearCall(Call.openFrom(LocalDate.parse("2026-01-01")), LocalDate.parse("2026-01-01")),
                materials);
    }
}
