package cn.gov.jieyang.talent.portal.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.jieyang.talent.portal.PortalTest;
import cn.gov.jieyang.talent.portal.cases.CaseState;
import cn.gov.jieyang.talent.portal.catalogue.SubjectType;
import cn.gov.jieyang.talent.portal.login.CurrentUser;
import cn.gov.jieyang.talent.portal.web.PortalProblem;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The draft service and repository against the real database, below the pages. */
@PortalTest
class DraftCommandsTest {

    @Autowired
    DraftCommands commands;
    @Autowired
    MaterialUploads uploads;
    @Autowired
    Drafts drafts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void createsADraftWithOneDraftCasePerServiceAndReadsItBackOnlyForItsOwner() {
        CurrentUser me = user(Applicants.individual(jdbc).subject());
        UUID id = commands.create(me, List.of("rent-subsidy", "talent-recognition", "rent-subsidy"));
        DraftView draft = drafts.findOwned(id, me.subject()).orElseThrow();
        assertThat(draft.isDraft()).isTrue();
        assertThat(draft.reference()).matches("JYRC-\\d{8}-[A-Z2-7]{6}");
        assertThat(draft.cases()).extracting(DraftCase::state).containsOnly(CaseState.DRAFT).hasSize(2);
        assertThat(draft.bundle().services()).extracting(s -> s.code()).containsExactly("talent-recognition", "rent-subsidy");
        assertThat(draft.fields()).extracting(FormField::code).doesNotHaveDuplicates().contains("contact-phone", "bank-account");
        assertThat(draft.isComplete()).isFalse();
        assertThat(drafts.findOwned(id, "someone-else")).isEmpty();
        assertThat(drafts.draftsOf(me.subject())).extracting(DraftView::id).containsExactly(id);
        assertThat(jdbc.sql("select count(*) from audit_event where application_id = ? and event_type = 'ApplicationDrafted'")
                .param(id).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void refusesADraftWithoutAProfile() {
        assertThatThrownBy(() -> commands.create(user("no-profile-" + UUID.randomUUID()), List.of("rent-subsidy")))
                .isInstanceOfSatisfying(PortalProblem.class, p -> assertThat(p.code()).isEqualTo("application.profile-missing"));
    }

    @Test
    void savesNothingWhenOneAnswerIsRefused() {
        CurrentUser me = user(Applicants.individual(jdbc).subject());
        UUID id = commands.create(me, List.of("rent-subsidy"));
        Map<String, FormField.Problem> problems = commands.saveAnswers(id, me,
                Map.of("contact-phone", "13800000000", "monthly-rent", "-5"));
        assertThat(problems).containsEntry("monthly-rent", FormField.Problem.NOT_A_NUMBER)
                .containsEntry("bank-account", FormField.Problem.REQUIRED);
        assertThat(drafts.findOwned(id, me.subject()).orElseThrow().answers()).isEmpty();
        assertThat(commands.saveAnswers(id, me, DraftDriver.allAnswers())).isEmpty();
        // only the draft's own fields are stored, whatever else is sent
        assertThat(drafts.findOwned(id, me.subject()).orElseThrow().answers()).doesNotContainKeys("skill-level", "station-name")
                .containsEntry("monthly-rent", "1500.50");
    }

    @Test
    void completesWhenEveryAnswerAndMaterialIsPresentAndKeepsSharedFilesWhenAServiceGoes() {
        CurrentUser me = user(Applicants.individual(jdbc).subject());
        UUID id = commands.create(me, List.of("title-review", "rent-subsidy"));
        commands.saveAnswers(id, me, DraftDriver.allAnswers());
        for (String material : List.of("id-document", "one-thing-application-form", "rent-subsidy-application-form",
                "rent-subsidy-evidence-originals")) {
            uploads.upload(id, me, material, material + ".pdf",
                    new ByteArrayInputStream(DraftDriver.pdf(material + id)));
        }
        assertThat(drafts.findOwned(id, me.subject()).orElseThrow().isComplete()).isTrue();
        commands.removeService(id, me, "rent-subsidy");
        DraftView after = drafts.findOwned(id, me.subject()).orElseThrow();
        assertThat(after.files()).extracting(MaterialFile::materialCode)
                .containsExactlyInAnyOrder("id-document", "one-thing-application-form");
        assertThat(after.answers().keySet()).isEqualTo(Set.of("contact-phone", "contact-address", "current-employer",
                "professional-title"));
        assertThat(after.isComplete()).isTrue();
    }

    private static CurrentUser user(String subject) {
        return new CurrentUser(subject, SubjectType.INDIVIDUAL, false, "张三", null, Set.of("individual"));
    }
}
