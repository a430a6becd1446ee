package cn.gov.jieyang.talent.portal.submission;

import cn.gov.jieyang.talent.portal.audit.AuditEntry;
import cn.gov.jieyang.talent.portal.audit.AuditEntry.ActorRole;
import cn.gov.jieyang.talent.portal.audit.AuditLog;
import cn.gov.jieyang.talent.portal.cases.CaseState;
import cn.gov.jieyang.talent.portal.catalogue.Handling;
import cn.gov.jieyang.talent.portal.catalogue.TalentService;
import cn.gov.jieyang.talent.portal.login.CurrentUser;
import cn.gov.jieyang.talent.portal.review.ReviewScope;
import cn.gov.jieyang.talent.portal.web.ChinaTime;
import cn.gov.jieyang.talent.portal.web.PortalProblem;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Reads what the confirmation page shows and finds packages for download, checking who may see them. */
@Component
class SubmissionQueries {

    private final SubmissionRecords records;
    private final SubmissionContents contents;
    private final AuditLog audit;
    private final ReviewScope scope;

    SubmissionQueries(SubmissionRecords records, SubmissionContents contents, AuditLog audit, ReviewScope scope) {
        this.scope = scope;
        this.records = records;
        this.contents = contents;
        this.audit = audit;
    }

    record CaseView(String serviceNameZh, String serviceNameEn, CaseState state, String returnReason,
            String handoffReference, String systemNameZh, String systemNameEn, String link) {
    }

    /** What the confirmation page shows (components only: templates may not call methods of package-private types). */
    record Confirmation(UUID id, String reference, LocalDateTime submittedAt, List<CaseView> cases,
            List<SubmissionRecords.PackageRow> packages, SubmissionRecords.PackageRow latest, boolean canResubmit) {
    }

    record Download(String reference, int version, String sha256) {
    }

    /** The applicant's own submitted application; a draft or another person's is "not found". */
    Confirmation confirmation(CurrentUser me, UUID id) {
        SubmissionRecords.ApplicationRow app = records.find(id)
                .filter(a -> a.applicantSubject().equals(me.subject()) && !a.isDraft())
                .orElseThrow(() -> PortalProblem.notFound("submission.not-found"));
        List<SubmissionRecords.CaseRow> cases = records.cases(id);
        List<TalentService> services = contents.services(cases);
        List<CaseView> views = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            SubmissionRecords.CaseRow c = cases.get(i);
            TalentService s = services.get(i);
            Handling.HandedOff h = s.handling() instanceof Handling.HandedOff off ? off : null;
            views.add(new CaseView(s.nameZh(), s.nameEn(), c.state(), c.returnReason(), c.handoffReference(),
                    h == null ? null : h.systemNameZh(), h == null ? null : h.systemNameEn(),
                    h == null ? null : h.link().toString()));
        }
        List<SubmissionRecords.PackageRow> packages = records.packages(id);
        if (packages.isEmpty()) {
            throw PortalProblem.notFound("submission.not-found");
        }
        return new Confirmation(id, app.reference(), ChinaTime.localDateTime(app.submittedAt()), views, packages,
                packages.get(0), views.stream().anyMatch(c -> c.state() == CaseState.RETURNED));
    }

    /**
     * A package version, for its applicant or for reviewers and auditors; anyone else gets the same 404
     * as for a package that does not exist. Staff downloads are audited: they open personal data.
     */
    private List<String> services(UUID applicationId) {
        return records.cases(applicationId).stream().map(SubmissionRecords.CaseRow::serviceCode).toList();
    }

    Download download(CurrentUser me, UUID id, int version) {
        SubmissionRecords.ApplicationRow app = records.find(id)
                .filter(a -> a.applicantSubject().equals(me.subject()) || me.isAuditor() || me.isSupervisor()
                        || (me.isReviewer() && scope.coversAny(me, services(a.id()))))
                .orElseThrow(() -> PortalProblem.notFound("submission.package-not-found"));
        // The package holds every service's answers and materials: a reviewer of only some of them sees
        // their own on the case page, and the package only when all of them are theirs.
        if (!app.applicantSubject().equals(me.subject()) && !me.isAuditor() && !me.isSupervisor()
                && !scope.coversEvery(me, services(app.id()))) {
            throw new PortalProblem("submission.package-beyond-scope", HttpStatus.FORBIDDEN);
        }
        SubmissionRecords.PackageRow p = records.findPackage(id, version)
                .orElseThrow(() -> PortalProblem.notFound("submission.package-not-found"));
        if (!app.applicantSubject().equals(me.subject())) {
            audit.record(new AuditEntry(me.subject(), me.isAuditor() ? ActorRole.AUDITOR : ActorRole.REVIEWER,
                    "PackageDownloaded", id, null, "version=" + version + "; sha256=" + p.sha256()));
        }
        return new Download(app.reference(), version, p.sha256());
    }
}
