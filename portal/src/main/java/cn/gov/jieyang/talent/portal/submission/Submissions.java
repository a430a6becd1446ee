package cn.gov.jieyang.talent.portal.submission;

import cn.gov.jieyang.talent.portal.audit.AuditEntry;
import cn.gov.jieyang.talent.portal.audit.AuditEntry.ActorRole;
import cn.gov.jieyang.talent.portal.audit.AuditLog;
import cn.gov.jieyang.talent.portal.cases.CaseState;
import cn.gov.jieyang.talent.portal.cases.Cases;
import cn.gov.jieyang.talent.portal.catalogue.TalentService;
import cn.gov.jieyang.talent.portal.login.CurrentUser;
import cn.gov.jieyang.talent.portal.sealing.PackageSealer;
import cn.gov.jieyang.talent.portal.sealing.SealedPackage;
import cn.gov.jieyang.talent.portal.web.PortalProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submits and resubmits applications. Each is one transaction: the application row is locked, the
 * package is sealed and stored, and the package row, the case moves (asked of the cases feature) and
 * the audit events are written together; any failure (reading a material, signing, the database) rolls
 * all of it back and leaves the application exactly as it was.
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

    Submissions(SubmissionRecords records, SubmissionContents contents, PackageSealer sealer, Cases caseMoves,
            AuditLog audit, Clock clock) {
        this.records = records;
        this.contents = contents;
        this.sealer = sealer;
        this.caseMoves = caseMoves;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Submits a draft: seals package version 1, local cases become pending, handed-off cases get a
     * reference for the provincial system.
     *
     * @param me            the applicant
     * @param applicationId their draft
     * @throws PortalProblem 404 if it is not theirs; 409 if not a draft
     * @throws SubmissionRefused if a call is closed or materials are missing
     * @throws cn.gov.jieyang.talent.portal.sealing.PackageSealingException if sealing fails (rolled back)
     */
    @Transactional
    public void submit(CurrentUser me, UUID applicationId) {
        SubmissionRecords.ApplicationRow app = records.lockOwned(applicationId, me.subject())
                .orElseThrow(() -> PortalProblem.notFound("submission.not-found"));
        if (!app.isDraft()) {
            throw PortalProblem.conflict("submission.already-submitted");
        }
        List<SubmissionRecords.CaseRow> cases = records.cases(applicationId);
        if (cases.isEmpty() || cases.stream().anyMatch(c -> c.state() != CaseState.DRAFT)) {
            throw PortalProblem.conflict("submission.no-services");
        }
        Instant now = clock.instant();
        SubmissionContents.Contents c = contents.collect(app, cases, 1, now, cases.stream()
                .map(SubmissionRecords.CaseRow::serviceCode).collect(Collectors.toSet()));
        SealedPackage sealed = sealer.seal(c.summary(), c.files());
        records.insertPackage(applicationId, 1, sealed, c.files());
        records.markSubmitted(applicationId, now);
        audit.record(new AuditEntry(me.subject(), ActorRole.APPLICANT, "ApplicationSubmitted", applicationId, null,
                "reference=" + app.reference() + "; services=" + c.services().stream().map(TalentService::code).toList()));
        audit.record(signed(applicationId, 1, sealed));
        for (int i = 0; i < cases.size(); i++) {
            SubmissionRecords.CaseRow kase = cases.get(i);
            TalentService service = c.services().get(i);
            if (service.handling().isHandedOff()) {
                String reference = SubmissionContents.handoffReference(app.reference(), service);
                caseMoves.handOff(kase.id(), reference, me.subject(), now);
            } else {
                caseMoves.submit(kase.id(), me.subject(), now);
            }
        }
    }

    /**
     * Resubmits the returned cases of a submitted application with its current materials: seals package
     * version n+1; returned cases become pending again. Earlier versions are kept.
     *
     * @param me            the applicant
     * @param applicationId their application
     * @throws PortalProblem 404 if it is not theirs; 409 if no case is returned
     * @throws SubmissionRefused if materials are missing
     * @throws cn.gov.jieyang.talent.portal.sealing.PackageSealingException if sealing fails (rolled back)
     */
    @Transactional
    public void resubmit(CurrentUser me, UUID applicationId) {
        SubmissionRecords.ApplicationRow app = records.lockOwned(applicationId, me.subject())
                .orElseThrow(() -> PortalProblem.notFound("submission.not-found"));
        List<SubmissionRecords.CaseRow> cases = records.cases(applicationId);
        List<SubmissionRecords.CaseRow> returned = cases.stream().filter(c -> c.state() == CaseState.RETURNED).toList();
        if (app.isDraft() || returned.isEmpty()) {
            throw PortalProblem.conflict("submission.not-returned");
        }
        Instant now = clock.instant();
        int version = records.latestPackageVersion(applicationId) + 1;
        SubmissionContents.Contents c = contents.collect(app, cases, version, now, returned.stream()
                .map(SubmissionRecords.CaseRow::serviceCode).collect(Collectors.toSet()));
        SealedPackage sealed = sealer.seal(c.summary(), c.files());
        records.insertPackage(applicationId, version, sealed, c.files());
        records.touch(applicationId, now);
        for (SubmissionRecords.CaseRow kase : returned) {
            caseMoves.resubmit(kase.id(), me.subject(), now);
        }
        audit.record(new AuditEntry(me.subject(), ActorRole.APPLICANT, "ApplicationResubmitted", applicationId, null,
                "reference=" + app.reference() + "; version=" + version + "; services="
                        + returned.stream().map(SubmissionRecords.CaseRow::serviceCode).toList()));
        audit.record(signed(applicationId, version, sealed));
    }

    private static AuditEntry signed(UUID applicationId, int version, SealedPackage sealed) {
        return new AuditEntry(SYSTEM, ActorRole.SYSTEM, "PackageSigned", applicationId, null,
                "version=" + version + "; sha256=" + sealed.sha256() + "; signer=" + sealed.signerSubject());
    }
}
