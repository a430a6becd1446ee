package cn.gov.jieyang.talent.portal.submission;

import cn.gov.jieyang.talent.portal.application.Applications;
import cn.gov.jieyang.talent.portal.application.DraftView;
import cn.gov.jieyang.talent.portal.application.Drafts;
import cn.gov.jieyang.talent.portal.application.RequiredMaterial;
import cn.gov.jieyang.talent.portal.catalogue.Catalogue;
import cn.gov.jieyang.talent.portal.catalogue.Handling;
import cn.gov.jieyang.talent.portal.catalogue.MaterialNames;
import cn.gov.jieyang.talent.portal.catalogue.TalentService;
import cn.gov.jieyang.talent.portal.sealing.MaterialFile;
import cn.gov.jieyang.talent.portal.sealing.PackageSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What goes into a package: checks that every chosen service accepts applications and every material
 * the bundle asks for is given, then lists the files in the bundle's material order and writes the
 * summary.
 */
@Component
class SubmissionContents {

    private final SubmissionRecords records;
    private final Drafts drafts;
    private final Applications applications;
    private final Catalogue catalogue;
    private final MaterialNames materialNames;

    SubmissionContents(SubmissionRecords records, Catalogue catalogue, MaterialNames materialNames, Drafts drafts,
            Applications applications) {
        this.records = records;
        this.catalogue = catalogue;
        this.materialNames = materialNames;
        this.drafts = drafts;
        this.applications = applications;
    }

    /** An application's services and its sealable contents. */
    record Contents(List<TalentService> services, PackageSummary summary, List<MaterialFile> files) {
    }

    List<TalentService> services(List<SubmissionRecords.CaseRow> cases) {
        return cases.stream().map(c -> catalogue.byCode(c.serviceCode())
                .orElseThrow(() -> new IllegalStateException("case of unknown service " + c.serviceCode()))).toList();
    }

    /**
     * @param openCallsNeeded codes of the services being (re)submitted now, whose call must be open: at
     *                        resubmission only the returned ones (a completed case does not depend on
     *                        its call still being open)
     * @throws SubmissionRefused when a call is closed or materials are missing, naming them
     */
    Contents collect(SubmissionRecords.ApplicationRow app, List<SubmissionRecords.CaseRow> cases, int version,
            Instant at, Set<String> openCallsNeeded) {
        List<TalentService> services = services(cases);
        SubmissionRecords.ProfileRow profile = records.profile(app.applicantSubject());
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        List<String> closed = services.stream()
                .filter(s -> openCallsNeeded.contains(s.code()) && !s.acceptsApplications())
                .map(s -> english ? s.nameEn() : s.nameZh()).toList();
        if (!closed.isEmpty()) {
            throw new SubmissionRefused(app.id(), "submission.call-closed", closed);
        }
        // Complete by the one rule the check-your-answers page applies (application.DraftView).
        DraftView draft = drafts.findOwned(app.id(), app.applicantSubject())
                .orElseThrow(() -> new IllegalStateException("a locked application is not its owner's"));
        List<String> missing = draft.missingMaterials().stream()
                .map(r -> materialNames.name(r.material(), draft.bundle().applicant(), LocaleContextHolder.getLocale()))
                .toList();
        if (!missing.isEmpty()) {
            throw new SubmissionRefused(app.id(), "submission.materials-missing", missing);
        }
        List<String> unanswered = draft.missingFields().stream()
                .map(f -> f.label(LocaleContextHolder.getLocale())).toList();
        if (!unanswered.isEmpty()) {
            throw new SubmissionRefused(app.id(), "submission.fields-missing", unanswered);
        }
        List<RequiredMaterial> required = draft.requiredMaterials();
        List<SubmissionRecords.MaterialRow> given = records.materials(app.id());
        // In the bundle's order (common materials first); files of materials no chosen service needs
        // any more are not part of the application and are not sealed.
        List<MaterialFile> files = new ArrayList<>();
        for (RequiredMaterial r : required) {
            for (SubmissionRecords.MaterialRow m : given) {
                if (m.materialCode().equals(r.code())) {
                    files.add(new MaterialFile(m.materialCode(), m.sha256(), m.fileName(), m.mediaType(), m.sizeBytes()));
                }
            }
        }
        PackageSummary summary = new PackageSummary(app.reference(), app.id(), version, at,
                new PackageSummary.Applicant(app.applicantSubject(), profile.name(), profile.subjectType(),
                        profile.verification(), profile.idNumberMasked(), profile.usci()),
                services.stream().map(SubmissionContents::chosen).toList(), applications.answers(app.id()));
        return new Contents(services, summary, files);
    }

    private static PackageSummary.ChosenService chosen(TalentService s) {
        if (s.handling() instanceof Handling.HandedOff h) {
            return new PackageSummary.ChosenService(s.code(), s.nameZh(), "handed_off", h.link().toString());
        }
        return new PackageSummary.ChosenService(s.code(), s.nameZh(), "local", null);
    }

    static String handoffReference(String reference, TalentService service) {
        return "JYHO-" + reference + "-" + service.order();
    }
}
