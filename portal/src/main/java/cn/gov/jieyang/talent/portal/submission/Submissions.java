package cn.gov.jieyang.talent.portal.submission;

import cn.gov.jieyang.talent.portal.audit.AuditEntry;
import cn.gov.jieyang.talent.portal.audit.AuditEntry.ActorRole;
import cn.gov.jieyang.talent.portal.audit.AuditLog;
import cn.gov.jieyang.talent.portal.cases.CaseState;
import cn.gov.jieyang.talent.portal.cases.Cases;
import cn.gov.jieyang.talent.portal.catalogue.TalentService;
import cn.gov.jieyang.talent.portal.login.CurrentUser;
import cn.gov.jieyang.talent.portal.login.StepUp;
import cn.gov.jieyang.talent.portal.sealing.PackageSealer;
import cn.gov.jieyang.talent.portal.sealing.SealedPackage;
import cn.gov.jieyang.talent.portal.web.PortalProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Submits and resubmits applications in three steps, so that no database connection and no lock is
 * held while the package is sealed (hashing and signing megabytes of materials):
 *
 * <ol>
 *   <li>read: the application, its cases and its contents are checked (a refusal writes nothing);</li>
 *   <li>seal: the package is signed and put into the content store, outside any transaction. The
 *       store is content-addressed: a package whose submission then fails is an unreferenced file,
 *       harmless;</li>
 *   <li>record: one short transaction locks the application, checks that it is still exactly what was
 *       sealed (row version and cases unchanged; else 409 and nothing written), writes the package
 *       row, moves the cases (asked of the cases feature) and appends the audit events at its commit.
 *       Any failure rolls all of it back and leaves the application exactly as it was.</li>
 * </ol>
 *
 * Of two concurrent submissions of one draft, both may seal; the first to lock records, the second
 * finds the application submitted and gets 409.
 */
@Service
public class Submissions {

    private static final String SYSTEM = "system";

    private final SubmissionRecords records;
    private final SubmissionContents contents;
    private final PackageSealer sealer;
    private final Cases caseMoves;
    private final AuditLog audit;
    private final Clock clock;
    private final StepUp stepUp;
    private final TransactionTemplate reading;
    private final TransactionTemplate writing;

    Submissions(SubmissionRecords records, SubmissionContents contents, PackageSealer sealer, Cases caseMoves,
            AuditLog audit, Clock clock, StepUp stepUp, PlatformTransactionManager transactions) {
        this.records = records;
        this.contents = contents;
        this.sealer = sealer;
        this.caseMoves = caseMoves;
        this.audit = audit;
        this.clock = clock;
        this.stepUp = stepUp;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.writing = new TransactionTemplate(transactions);
    }

    /** What was read and checked before sealing; the record step requires it unchanged. */
    private record Checked(SubmissionRecords.ApplicationRow app, List<SubmissionRecords.CaseRow> cases,
            SubmissionContents.Contents contents, Instant at) {
    }

    /**
     * Submits a draft: seals package version 1, local cases become pending, handed-off cases get a
     * reference for the provincial system.
     *
     * @param me            the applicant
     * @param applicationId their draft
     * @throws PortalProblem 404 if it is not theirs; 409 if not a draft, or if it changed while it was sealed
     * @throws SubmissionRefused if a call is closed or materials are missing
     * @throws cn.gov.jieyang.talent.portal.sealing.PackageSealingException if sealing fails (nothing written)
     */
    public void submit(CurrentUser me, UUID applicationId) {
        Checked checked = reading.execute(tx -> {
            SubmissionRecords.ApplicationRow app = owned(me, applicationId);
            if (!app.isDraft()) {
                throw PortalProblem.conflict("submission.already-submitted");
            }
            List<SubmissionRecords.CaseRow> cases = records.cases(applicationId);
            if (cases.isEmpty() || cases.stream().anyMatch(c -> c.state() != CaseState.DRAFT)) {
                throw PortalProblem.conflict("submission.no-services");
            }
            // Before anything is sealed: a password individual proves it is them at 粤信签 first.
            stepUp.require(me, cases.stream().map(SubmissionRecords.CaseRow::serviceCode).toList(),
                    "/applications/" + applicationId + "/check");
            Instant now = clock.instant();
            return new Checked(app, cases, contents.collect(app, cases, 1, now, cases.stream()
                    .map(SubmissionRecords.CaseRow::serviceCode).collect(Collectors.toSet())), now);
        });
        SealedPackage sealed = sealer.seal(checked.contents().summary(), checked.contents().files());
        writing.executeWithoutResult(tx -> {
            SubmissionRecords.ApplicationRow app = lockUnchanged(me, checked, "submission.already-submitted");
            Instant now = checked.at();
            SubmissionContents.Contents c = checked.contents();
            records.insertPackage(applicationId, 1, sealed, c.files());
            records.markSubmitted(applicationId, now);
            audit.recordAtCommit(new AuditEntry(me.subject(), ActorRole.APPLICANT, "ApplicationSubmitted",
                    applicationId, null, "reference=" + app.reference() + "; services="
                            + c.services().stream().map(TalentService::code).toList()));
            audit.recordAtCommit(signed(applicationId, 1, sealed));
            for (int i = 0; i < checked.cases().size(); i++) {
                SubmissionRecords.CaseRow kase = checked.cases().get(i);
                TalentService service = c.services().get(i);
                if (service.handling().isHandedOff()) {
                    String reference = SubmissionContents.handoffReference(app.reference(), service);
                    caseMoves.handOff(kase.id(), reference, me.subject(), now);
                } else {
                    caseMoves.submit(kase.id(), me.subject(), now);
                }
            }
        });
    }

    /**
     * Resubmits the returned cases of a submitted application with its current materials: seals package
     * version n+1; returned cases become pending again. Earlier versions are kept.
     *
     * @param me            the applicant
     * @param applicationId their application
     * @throws PortalProblem 404 if it is not theirs; 409 if no case is returned, or if it changed while
     *                       it was sealed
     * @throws SubmissionRefused if materials are missing
     * @throws cn.gov.jieyang.talent.portal.sealing.PackageSealingException if sealing fails (nothing written)
     */
    public void resubmit(CurrentUser me, UUID applicationId) {
        record Resubmission(Checked checked, int version, List<SubmissionRecords.CaseRow> returned) {
        }
        Resubmission r = reading.execute(tx -> {
            SubmissionRecords.ApplicationRow app = owned(me, applicationId);
            List<SubmissionRecords.CaseRow> cases = records.cases(applicationId);
            List<SubmissionRecords.CaseRow> returned = cases.stream()
                    .filter(c -> c.state() == CaseState.RETURNED).toList();
            if (app.isDraft() || returned.isEmpty()) {
                throw PortalProblem.conflict("submission.not-returned");
            }
            stepUp.require(me, returned.stream().map(SubmissionRecords.CaseRow::serviceCode).toList(),
                    "/matters/" + applicationId);
            Instant now = clock.instant();
            int version = records.latestPackageVersion(applicationId) + 1;
            SubmissionContents.Contents c = contents.collect(app, cases, version, now, returned.stream()
                    .map(SubmissionRecords.CaseRow::serviceCode).collect(Collectors.toSet()));
            return new Resubmission(new Checked(app, cases, c, now), version, returned);
        });
        SealedPackage sealed = sealer.seal(r.checked().contents().summary(), r.checked().contents().files());
        writing.executeWithoutResult(tx -> {
            SubmissionRecords.ApplicationRow app = lockUnchanged(me, r.checked(), "submission.not-returned");
            Instant now = r.checked().at();
            records.insertPackage(applicationId, r.version(), sealed, r.checked().contents().files());
            records.touch(applicationId, now);
            for (SubmissionRecords.CaseRow kase : r.returned()) {
                caseMoves.resubmit(kase.id(), me.subject(), now);
            }
            audit.recordAtCommit(new AuditEntry(me.subject(), ActorRole.APPLICANT, "ApplicationResubmitted",
                    applicationId, null, "reference=" + app.reference() + "; version=" + r.version()
                            + "; services=" + r.returned().stream().map(SubmissionRecords.CaseRow::serviceCode).toList()));
            audit.recordAtCommit(signed(applicationId, r.version(), sealed));
        });
    }

    private SubmissionRecords.ApplicationRow owned(CurrentUser me, UUID applicationId) {
        return records.findOwned(applicationId, me.subject())
                .orElseThrow(() -> PortalProblem.notFound("submission.not-found"));
    }

    /**
     * Locks the application and requires it as it was read before sealing: same row version (no file,
     * answer or service changed, not submitted meanwhile) and the same cases in the same states.
     *
     * @param goneCode the 409 when the application moved on (submitted, or resubmitted) meanwhile
     */
    private SubmissionRecords.ApplicationRow lockUnchanged(CurrentUser me, Checked checked, String goneCode) {
        SubmissionRecords.ApplicationRow app = records.lockOwned(checked.app().id(), me.subject())
                .orElseThrow(() -> PortalProblem.notFound("submission.not-found"));
        if (!app.status().equals(checked.app().status())) {
            throw PortalProblem.conflict(goneCode);
        }
        if (app.version() != checked.app().version() || !records.cases(app.id()).equals(checked.cases())) {
            throw PortalProblem.conflict("submission.changed");
        }
        return app;
    }

    private static AuditEntry signed(UUID applicationId, int version, SealedPackage sealed) {
        return new AuditEntry(SYSTEM, ActorRole.SYSTEM, "PackageSigned", applicationId, null,
                "version=" + version + "; sha256=" + sealed.sha256() + "; signer=" + sealed.signerSubject()
                        // ADR 005: a package sealed by the fallback is on record as baseline B.
                        + "; timeStamp=" + (sealed.timeStampedAt() == null ? "none (baseline B)" : sealed.timeStampedAt()));
    }
}
