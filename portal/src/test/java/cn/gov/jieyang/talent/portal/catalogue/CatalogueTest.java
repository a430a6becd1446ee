package cn.gov.jieyang.talent.portal.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The nine services of the guide, as the migration seeds them into a real PostgreSQL. */
@CatalogueDatabaseTest
class CatalogueTest {

    static final List<String> GUIDE_NAMES_ZH = List.of(
            "揭阳市高层次人才分类认定",
            "首席技师申报",
            "专业技术人才职称申报评审",
            "申报职业技能鉴定",
            "专业技术人员初次职称考核认定申请",
            "跨区域跨单位专业技术人才职称重新评审和确认",
            "专业技术人才职称证书补换发",
            "揭阳市“两站一基地”及博士博士后科研人员资助申请",
            "高层次人才租房补贴");

    static final String TITLE_SYSTEM = "广东省专业技术人才职称管理系统";

    @Autowired
    Catalogue catalogue;

    @Autowired
    JdbcClient jdbc;

    @Test
    void holdsExactlyTheNineServicesOfTheGuideWithTheirChineseNamesInOrder() {
        List<TalentService> all = catalogue.all();

        assertThat(all).extracting(TalentService::nameZh).containsExactlyElementsOf(GUIDE_NAMES_ZH);
        assertThat(all).extracting(TalentService::order).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void carriesTheEnglishNamesOfTheSeed() {
        assertThat(catalogue.all()).extracting(TalentService::nameEn).containsExactly(
                "High-level talent classification recognition",
                "Chief technician application",
                "Professional title application and review",
                "Vocational skill appraisal",
                "First professional title assessment and recognition",
                "Title re-review and confirmation across regions or employers",
                "Title certificate reissue or replacement",
                "\"Two stations, one base\" and doctoral/postdoctoral researcher funding",
                "High-level talent rent subsidy");
    }

    @Test
    void everyServiceRequiresBothCommonMaterialsFirst() {
        assertThat(catalogue.all()).allSatisfy(service -> {
            assertThat(service.materials()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(service.materials().subList(0, 2)).containsExactly(
                    MaterialRequirement.common(new Material("id-document", "本人身份证/社保卡（境外人员提供护照）",
                            "ID card or social-security card (people from outside the mainland: passport)")),
                    MaterialRequirement.common(new Material("one-thing-application-form", "《人才服务“一件事”申请表》",
                            "The \"Talent Services One Thing\" application form")));
            assertThat(service.materials().subList(2, service.materials().size()))
                    .noneMatch(MaterialRequirement::isCommon);
        });
    }

    @Test
    void servicesThreeToSevenAreHandedOffToProvincialSystemsWithOnlyTheCommonMaterialsHere() {
        List<TalentService> all = catalogue.all();

        assertThat(all).filteredOn(s -> s.handling().isHandedOff())
                .extracting(TalentService::order).containsExactly(3, 4, 5, 6, 7);
        assertThat(all).filteredOn(s -> s.handling().isHandedOff())
                .allSatisfy(s -> assertThat(s.specificMaterials()).isEmpty());
        assertThat(all).filteredOn(s -> !s.handling().isHandedOff())
                .allSatisfy(s -> assertThat(s.handling()).isEqualTo(Handling.local()));
        assertThat(catalogue.byCode("title-review").orElseThrow().handling()).isEqualTo(Handling.handedOff(
                TITLE_SYSTEM, "Guangdong provincial professional-title management system",
                URI.create("http://www.gdhrss.gov.cn/gdweb/")));
        assertThat(catalogue.byCode("skill-appraisal").orElseThrow().handling())
                .isInstanceOfSatisfying(Handling.HandedOff.class,
                        h -> assertThat(h.link()).hasToString("https://www.gdhrss.gov.cn/gdosta/#"));
    }

    @Test
    void skillAppraisalTakesEightAndCertificateReissueTenWorkingDaysTheOthersFollowTheYearsCall() {
        List<TalentService> all = catalogue.all();

        assertThat(all.get(3).timeLimit()).isEqualTo(TimeLimit.workingDaysFromAcceptance(8));
        assertThat(all.get(6).timeLimit()).isEqualTo(TimeLimit.workingDaysFromAcceptance(10));
        assertThat(all).filteredOn(s -> s.order() != 4 && s.order() != 7)
                .allSatisfy(s -> assertThat(s.timeLimit()).isInstanceOf(TimeLimit.PerYearCall.class));
    }

    @Test
    void onlyTheResearchStationFundingIsOpenToEnterprisesAsWellAsIndividuals() {
        List<TalentService> all = catalogue.all();

        assertThat(all).filteredOn(s -> s.admits(SubjectType.ENTERPRISE))
                .extracting(TalentService::code).containsExactly("research-station-funding");
        assertThat(all).allMatch(s -> s.admits(SubjectType.INDIVIDUAL));
        assertThat(catalogue.byCode("research-station-funding").orElseThrow().eligibility())
                .isEqualTo(Eligibility.BOTH);
    }

    @Test
    void listsEachLocalServicesSpecificMaterialsInTheGuidesOrder() {
        assertThat(specificNames("talent-recognition")).containsExactly(
                "高层次人才分类认定申报表", "高层次人才分类认定审核汇总表", "符合认定条件的证明材料");
        assertThat(specificNames("chief-technician")).containsExactly(
                "职业资格证书（技能等级证书）、主要技术成果、获奖情况和学历职称材料", "单位推荐函", "工作综述材料",
                "《揭阳市“首席技师”推荐申报表》");
        assertThat(specificNames("research-station-funding")).containsExactly(
                "揭阳市“两站一基地”及博士博士后科研人员资助资金申请表");
        assertThat(specificNames("rent-subsidy")).containsExactly("揭阳市高层次人才租房补贴申请表", "佐证材料原件");
    }

    @Test
    void findsAServiceByItsCodeAndNothingForAnUnknownCode() {
        assertThat(catalogue.byCode("chief-technician")).get()
                .isEqualTo(catalogue.all().get(1));
        assertThat(catalogue.byCode("no-such-service")).isEmpty();
    }

    @Test
    void showsACallClosedInTheDatabaseAtOnce() {
        assertThat(catalogue.byCode("rent-subsidy").orElseThrow().acceptsApplications()).isTrue();

        jdbc.sql("update catalogue_call set opens_on = date '2026-01-05', closes_on = date '2026-01-31' "
                + "where service_code = 'rent-subsidy'").update();

        TalentService closed = catalogue.byCode("rent-subsidy").orElseThrow();
        assertThat(closed.acceptsApplications()).isFalse();
        assertThat(closed.call().closesOn()).isEqualTo("2026-01-31");
    }

    @Test
    void theCallInForceIsTheLatestOpenedByTodayAndOneNotYetOpenDoesNotCount() {
        jdbc.sql("update catalogue_call set opens_on = date '2026-01-05', closes_on = date '2026-01-31', "
                + "working_days = 15 where service_code = 'talent-recognition'").update();
        jdbc.sql("insert into catalogue_call (service_code, opens_on, closes_on, working_days) "
                + "values ('talent-recognition', date '2025-01-06', date '2025-02-28', 30), "
                + "('talent-recognition', current_date + 30, null, 10)").update();

        TalentService service = catalogue.byCode("talent-recognition").orElseThrow();

        assertThat(service.call().opensOn()).isEqualTo("2026-01-05");
        assertThat(service.workingDays()).isEqualTo(15);
        assertThat(service.acceptsApplications()).isFalse();
    }

    @Test
    void everyPerCallServiceHasAnOpenCallAndTheWorkingDayOnesHaveNone() {
        assertThat(catalogue.all()).filteredOn(TalentService::perYearCall)
                .allSatisfy(s -> assertThat(s.call()).as(s.code()).isNotNull())
                .allMatch(TalentService::acceptsApplications);
        assertThat(catalogue.all()).filteredOn(s -> !s.perYearCall()).allSatisfy(s -> assertThat(s.call()).isNull());
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED) // each refused insert on its own connection
    void theDatabaseRefusesACallOfAWorkingDayServiceOrABackwardsWindow() {
        assertThatThrownBy(() -> jdbc.sql("insert into catalogue_call (service_code, opens_on) "
                + "values ('skill-appraisal', date '2026-01-05')").update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("catalogue_call_service");
        assertThatThrownBy(() -> jdbc.sql("insert into catalogue_call (service_code, opens_on, closes_on) "
                + "values ('rent-subsidy', date '2026-02-01', date '2026-01-31')").update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("catalogue_call_window");
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED) // each refused insert on its own connection
    void theDatabaseRefusesAHandedOffServiceWithoutItsSystemOrAWorkingDayLimitWithoutDays() {
        assertThatThrownBy(() -> jdbc.sql("""
                insert into catalogue_service (code, sort_order, name_zh, name_en, eligibility, handling,
                    time_limit_kind)
                values ('broken', 10, '坏', 'Broken', 'individual', 'handed_off', 'per_year_call')
                """).update()).isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("catalogue_service_handling_complete");
        assertThatThrownBy(() -> jdbc.sql("""
                insert into catalogue_service (code, sort_order, name_zh, name_en, eligibility, handling,
                    time_limit_kind)
                values ('broken', 10, '坏', 'Broken', 'individual', 'local', 'working_days')
                """).update()).isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("catalogue_service_time_limit_complete");
    }

    private List<String> specificNames(String code) {
        return catalogue.byCode(code).orElseThrow().specificMaterials().stream()
                .map(r -> r.material().nameZh()).toList();
    }
}
