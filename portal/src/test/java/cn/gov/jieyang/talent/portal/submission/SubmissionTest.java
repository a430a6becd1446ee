package cn.gov.jieyang.talent.portal.submission;

import static cn.gov.jieyang.talent.portal.login.TestLogins.faceVerified;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jieyang.talent.portal.PortalTest;
import cn.gov.jieyang.talent.portal.catalogue.Catalogue;
import cn.gov.jieyang.talent.portal.catalogue.TestCalls;
import cn.gov.jieyang.talent.portal.storage.ContentStore;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Submitting a draft: what the applicant sees and what is stored, all or nothing. */
@PortalTest
class SubmissionTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ContentStore store;
    @Autowired
    Catalogue catalogue;

    ApplicationFixture fixtures;
    SubmittedState db;

    @BeforeEach
    void setUp() {
        fixtures = new ApplicationFixture(jdbc, store, catalogue);
        db = new SubmittedState(jdbc);
    }

    private ApplicationFixture.Draft draft(String subject) {
        return fixtures.aDraftWith(subject, "talent-recognition", "title-review");
    }

    private org.springframework.test.web.servlet.ResultActions submit(ApplicationFixture.Draft d, String subject)
            throws Exception {
        return mvc.perform(post("/applications/{id}/submit", d.id()).with(csrf()).with(faceVerified(subject, "张三")));
    }

    @Test
    void submitsADraftAndShowsTheReferenceCasesAndPackageDigest() throws Exception {
        ApplicationFixture.Draft d = draft("submit-ok");

        submit(d, "submit-ok").andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/applications/" + d.id() + "/submitted"));

        assertThat(db.status(d.id())).isEqualTo("submitted");
        assertThat(db.caseStates(d.id())).containsExactly("talent-recognition=pending", "title-review=handed_off");
        assertThat(db.handoffReference(d.id(), "title-review")).isEqualTo("JYHO-" + d.reference() + "-3");
        assertThat(db.packageVersions(d.id())).containsExactly(1);
        assertThat(db.auditTypes(d.id())).containsExactly("ApplicationSubmitted", "PackageSigned", "CaseHandedOff");
        String digest = db.packageDigest(d.id(), 1);

        mvc.perform(get("/applications/{id}/submitted", d.id()).with(faceVerified("submit-ok", "张三")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("id=\"submitted-reference\">" + d.reference() + "<"),
                        containsString("id=\"package-digest\">" + digest + "<"),
                        containsString("id=\"download-package\""),
                        containsString("/applications/" + d.id() + "/packages/1"),
                        containsString("JYHO-" + d.reference() + "-3"),
                        containsString("href=\"http://www.gdhrss.gov.cn/gdweb/\""),
                        containsString("广东省专业技术人才职称管理系统"),
                        containsString("待办"))));
    }

    @Test
    void showsTheConfirmationInEnglishWhenAsked() throws Exception {
        ApplicationFixture.Draft d = draft("submit-english");
        submit(d, "submit-english").andExpect(status().is3xxRedirection());

        mvc.perform(get("/applications/{id}/submitted", d.id()).param("lang", "en")
                        .with(faceVerified("submit-english", "张三")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Application submitted"),
                        containsString("High-level talent classification recognition"), containsString("Handed off"),
                        containsString("Guangdong provincial professional-title management system"))));
    }

    @Test
    void refusesSubmissionListingTheMissingMaterials() throws Exception {
        ApplicationFixture.Draft d = draft("submit-missing");
        jdbc.sql("delete from application_material where application_id = ? and material_code = 'id-document'")
                .param(d.id()).update();

        submit(d, "submit-missing").andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("id=\"submission-refused\""),
                        containsString("<li>本人身份证/社保卡（境外人员提供护照）</li>"),
                        containsString("href=\"/applications/" + d.id() + "\""))));

        db.assertUntouchedDraft(d.id());
    }

    @Test
    void leavesTheDraftIntactWhenAMaterialFileIsGoneBeforeSigning() throws Exception {
        ApplicationFixture.Draft d = draft("submit-file-gone");
        Files.delete(store.pathOf(d.sha256().get("talent-recognition-criteria-evidence")));

        submit(d, "submit-file-gone").andExpect(status().isInternalServerError())
                .andExpect(content().string(allOf(containsString("submission.sealing-failed"),
                        containsString("申请仍是草稿"))));

        db.assertUntouchedDraft(d.id());
    }

    @Test
    void leavesTheDraftIntactWhenTheDatabaseFailsAfterSigning() throws Exception {
        ApplicationFixture.Draft d = draft("submit-db-fails");
        // The cases are updated last, after the package row, the application and the audit events were
        // written: a failure there must take all of them back.
        String function = "fail_" + d.id().toString().replace("-", "");
        jdbc.sql("create function " + function + "() returns trigger language plpgsql as $$ begin "
                + "if new.application_id = '" + d.id() + "' then raise exception 'injected failure'; end if; "
                + "return new; end $$").update();
        jdbc.sql("create trigger " + function + " before update on application_case for each row execute function "
                + function + "()").update();
        try {
            submit(d, "submit-db-fails").andExpect(status().isInternalServerError())
                    .andExpect(content().string(containsString("submission.failed")));
        } finally {
            jdbc.sql("drop trigger " + function + " on application_case").update();
            jdbc.sql("drop function " + function + "()").update();
        }

        db.assertUntouchedDraft(d.id());
        submit(d, "submit-db-fails").andExpect(status().is3xxRedirection());
        assertThat(db.status(d.id())).isEqualTo("submitted");
    }

    @Test
    void leavesTheDraftIntactWhenItChangesWhileBeingSealed() throws Exception {
        ApplicationFixture.Draft d = draft("submit-changed");
        // Sealing runs outside the transaction; when its package is stored, the applicant "changes the
        // draft" (what every draft command does: bump the row version). The sealed package no longer shows
        // the draft, so nothing may be recorded.
        withPackageStoredTrigger("update application set version = version + 1 where id = '" + d.id() + "'", () ->
                submit(d, "submit-changed").andExpect(status().isConflict())
                        .andExpect(content().string(containsString("submission.changed"))));

        db.assertUntouchedDraft(d.id());
        submit(d, "submit-changed").andExpect(status().is3xxRedirection());
        assertThat(db.auditTypes(d.id())).containsExactly("ApplicationSubmitted", "PackageSigned", "CaseHandedOff");
    }

    @Test
    void recordsExactlyOneOfTwoConcurrentSubmissionsOfOneDraft() throws Exception {
        ApplicationFixture.Draft d = draft("submit-race");
        // Storing each package takes 0.5 s more, so both requests have read the draft and sealed a
        // package before either records it: the second to lock must find it submitted.
        List<Integer> statuses = new java.util.concurrent.CopyOnWriteArrayList<>();
        withPackageStoredTrigger("perform pg_sleep(0.5)", () -> {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    done.add(two.submit(() -> {
                        start.await();
                        statuses.add(submit(d, "submit-race").andReturn().getResponse().getStatus());
                        return null;
                    }));
                }
                start.countDown();
                for (java.util.concurrent.Future<?> f : done) {
                    f.get();
                }
            } finally {
                two.shutdownNow();
            }
        });

        assertThat(statuses).containsExactlyInAnyOrder(302, 409);
        assertThat(db.status(d.id())).isEqualTo("submitted");
        assertThat(db.packageVersions(d.id())).containsExactly(1);
        assertThat(db.caseStates(d.id())).containsExactly("talent-recognition=pending", "title-review=handed_off");
        assertThat(db.auditTypes(d.id())).containsExactly("ApplicationSubmitted", "PackageSigned", "CaseHandedOff");
    }

    /** Runs the action with a trigger that does {@code body} whenever a signed package is stored. */
    private void withPackageStoredTrigger(String body, ThrowingAction action) throws Exception {
        String function = "on_package_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("create function " + function + "() returns trigger language plpgsql as $$ begin "
                + "if new.media_type = 'application/vnd.etsi.asic-e+zip' then " + body + "; end if; "
                + "return new; end $$").update();
        jdbc.sql("create trigger " + function + " before insert on stored_file for each row execute function "
                + function + "()").update();
        try {
            action.run();
        } finally {
            jdbc.sql("drop trigger " + function + " on stored_file").update();
            jdbc.sql("drop function " + function + "()").update();
        }
    }

    private interface ThrowingAction {
        void run() throws Exception;
    }

    @Test
    void refusesASecondSubmissionAndKeepsOnePackage() throws Exception {
        ApplicationFixture.Draft d = draft("submit-twice");
        submit(d, "submit-twice").andExpect(status().is3xxRedirection());

        submit(d, "submit-twice").andExpect(status().isConflict())
                .andExpect(content().string(containsString("submission.already-submitted")));

        assertThat(db.packageVersions(d.id())).containsExactly(1);
        assertThat(db.auditTypes(d.id())).filteredOn("ApplicationSubmitted"::equals).hasSize(1);
    }

    @Test
    void refusesAnotherApplicantsApplicationAsNotFound() throws Exception {
        ApplicationFixture.Draft d = draft("submit-owner");
        fixtures.aDraftWith("submit-intruder", "rent-subsidy");

        submit(d, "submit-intruder").andExpect(status().isNotFound());
        mvc.perform(post("/applications/{id}/resubmit", d.id()).with(csrf())
                .with(faceVerified("submit-intruder", "李四"))).andExpect(status().isNotFound());
        db.assertUntouchedDraft(d.id());

        submit(d, "submit-owner").andExpect(status().is3xxRedirection());
        mvc.perform(get("/applications/{id}/submitted", d.id()).with(faceVerified("submit-intruder", "李四")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/applications/{id}/packages/1", d.id()).with(faceVerified("submit-intruder", "李四")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/applications/{id}/submitted", UUID.randomUUID()).with(faceVerified("submit-owner", "张三")))
                .andExpect(status().isNotFound());
    }

    @Test
    void refusesASubmitWithoutCsrfToken() throws Exception {
        ApplicationFixture.Draft d = draft("submit-csrf");

        mvc.perform(post("/applications/{id}/submit", d.id()).with(faceVerified("submit-csrf", "张三")))
                .andExpect(status().isForbidden());

        db.assertUntouchedDraft(d.id());
    }

    @Test
    void refusesADraftWhoseServicesCallIsClosed() throws Exception {
        ApplicationFixture.Draft d = fixtures.aDraftWith("submit-closed", "rent-subsidy");
        // The call closed (its last day past) after the draft was made.
        TestCalls.whileChanged(jdbc, "rent-subsidy", TestCalls.CLOSED_ON_31_JANUARY_2026,
                () -> submit(d, "submit-closed").andExpect(status().isConflict())
                        .andExpect(content().string(containsString("高层次人才租房补贴"))));
        db.assertUntouchedDraft(d.id());
    }

    /** Reads what submission wrote. */
    record SubmittedState(JdbcClient jdbc) {

        String status(UUID id) {
            return jdbc.sql("select status from application where id = ?").param(id).query(String.class).single();
        }

        List<String> caseStates(UUID id) {
            return jdbc.sql("select service_code || '=' || state from application_case where application_id = ? "
                    + "order by service_code").param(id).query(String.class).list();
        }

        String handoffReference(UUID id, String service) {
            return jdbc.sql("select handoff_reference from application_case where application_id = ? and service_code = ?")
                    .params(id, service).query(String.class).single();
        }

        List<Integer> packageVersions(UUID id) {
            return jdbc.sql("select package_version from submission_package where application_id = ? "
                    + "order by package_version").param(id).query(Integer.class).list();
        }

        String packageDigest(UUID id, int version) {
            return jdbc.sql("select package_sha256 from submission_package where application_id = ? and package_version = ?")
                    .params(id, version).query(String.class).single();
        }

        List<String> auditTypes(UUID id) {
            return jdbc.sql("select event_type from audit_event where application_id = ? order by seq")
                    .param(id).query(String.class).list();
        }

        void assertUntouchedDraft(UUID id) {
            assertThat(status(id)).isEqualTo("draft");
            assertThat(jdbc.sql("select submitted_at is null from application where id = ?").param(id)
                    .query(Boolean.class).single()).isTrue();
            assertThat(caseStates(id)).allMatch(s -> s.endsWith("=draft"));
            assertThat(jdbc.sql("select count(*) from application_case where application_id = ? and handoff_reference "
                    + "is not null").param(id).query(Integer.class).single()).isZero();
            assertThat(packageVersions(id)).isEmpty();
            assertThat(auditTypes(id)).isEmpty();
        }
    }
}
