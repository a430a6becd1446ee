package cn.gov.jieyang.talent.portal.audit;

import cn.gov.jieyang.talent.portal.audit.AuditEntry.ActorRole;
import cn.gov.jieyang.talent.portal.audit.PackagesOnRecord.PackageQuery;
import cn.gov.jieyang.talent.portal.audit.PackagesOnRecord.StoredPackage;
import cn.gov.jieyang.talent.portal.catalogue.Catalogue;
import cn.gov.jieyang.talent.portal.catalogue.TalentService;
import cn.gov.jieyang.talent.portal.login.CurrentUser;
import cn.gov.jieyang.talent.portal.storage.ContentStore;
import cn.gov.jieyang.talent.portal.web.ChinaTime;
import cn.gov.jieyang.talent.portal.web.PortalProblem;
import cn.gov.jieyang.talent.signing.VerificationReport;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The auditor's search of the packages the portal stored ({@code /audit/packages}) and their check on
 * demand, as a page, as JSON and as a PDF sealed by the bureau
 * ({@code /audit/packages/{application}/{version}[/report.json|/report.pdf]}). Every
 * search and every check is itself audited; a search records which kinds of criteria were used, never
 * their values (an ID number must not reach the chain). The role is checked here as well as by the URL
 * rules.
 */
@Controller
class StoredPackageController {

    private final PackagesOnRecord packages;
    private final PackageChecks checks;
    private final ContentStore store;
    private final Catalogue catalogue;
    private final AuditLog audit;
    private final ReportPdf reportPdf;

    StoredPackageController(PackagesOnRecord packages, PackageChecks checks, ContentStore store, Catalogue catalogue,
                            AuditLog audit, ReportPdf reportPdf) {
        this.reportPdf = reportPdf;
        this.packages = packages;
        this.checks = checks;
        this.store = store;
        this.catalogue = catalogue;
        this.audit = audit;
    }

    /** A search by link or bookmark: anything but an ID number, which must never be in a URL. */
    @GetMapping("/audit/packages")
    ModelAndView searchByLink(CurrentUser me, @RequestParam(required = false) String reference,
                              @RequestParam(required = false) String service, @RequestParam(required = false) String from,
                              @RequestParam(required = false) String to, @RequestParam(required = false) String applicant,
                              @RequestParam(required = false) String after) {
        return search(me, new PackageSearchForm(reference, service, from, to, applicant, after), false);
    }

    /** The search form (POST, CSRF-protected): the ID number travels in the body only. */
    @PostMapping("/audit/packages")
    ModelAndView searchByForm(CurrentUser me, @RequestParam(required = false) String reference,
                              @RequestParam(required = false) String service, @RequestParam(required = false) String from,
                              @RequestParam(required = false) String to, @RequestParam(required = false) String applicant) {
        return search(me, new PackageSearchForm(reference, service, from, to, applicant, null), true);
    }

    private ModelAndView search(CurrentUser me, PackageSearchForm typed, boolean posted) {
        AuditController.requireAuditor(me);
        Map<String, TalentService> services = catalogue.all().stream()
                .collect(Collectors.toMap(TalentService::code, s -> s, (a, b) -> a, LinkedHashMap::new));
        ModelAndView mav = new ModelAndView("audit/packages");
        // A number typed into the applicant box is not echoed back, valid or not.
        PackageSearchForm form = typed.applicantIsIdNumber() ? typed.withoutApplicant() : typed;
        mav.addObject("form", form);
        mav.addObject("services", services);
        List<String> errors = new ArrayList<>();
        PackageQuery query = typed.toQuery(services.keySet(), errors);
        if (query != null && query.applicantId() != null) {
            mav.addObject("searchedId", query.applicantId().masked());
            if (!posted) {
                errors.add("audit.packages.error.idByLink");
                query = null;
            }
        }
        if (query == null) {
            mav.addObject("errors", errors);
            mav.setStatus(HttpStatus.BAD_REQUEST);
            return mav;
        }
        List<StoredPackage> found = packages.search(query);
        audit.record(new AuditEntry(me.subject(), ActorRole.AUDITOR, "PackagesSearched", null, null,
                "criteria=" + criteria(query) + "; found=" + found.size()));
        mav.addObject("rows", found.stream().map(p -> new Row(p, ChinaTime.localDateTime(p.signedAt()))).toList());
        if (found.size() == query.limit() && query.applicantId() == null) {
            mav.addObject("next", form.next(found.get(found.size() - 1).packageId()));
        }
        return mav;
    }

    @GetMapping("/audit/packages/{applicationId}/{version:\\d{1,6}}")
    String check(CurrentUser me, @PathVariable UUID applicationId, @PathVariable int version, Model model) {
        Checked checked = reverify(me, applicationId, version, "page");
        VerificationReport report = checked.report();
        model.addAttribute("stored", checked.stored());
        model.addAttribute("signedAt", ChinaTime.localDateTime(checked.stored().signedAt()));
        model.addAttribute("report", report);
        model.addAttribute("subIndication", report.subIndication().orElse(null));
        model.addAttribute("signer", report.signer().orElse(null));
        model.addAttribute("digest", checked.stored().sha256());
        model.addAttribute("known", checked.stored().onRecord());
        return "audit/package";
    }

    @GetMapping("/audit/packages/{applicationId}/{version:\\d{1,6}}/report.json")
    ResponseEntity<String> json(CurrentUser me, @PathVariable UUID applicationId, @PathVariable int version) {
        Checked checked = reverify(me, applicationId, version, "json");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noStore())
                .body(checked.report().toJson());
    }

    /** The report as a PDF sealed by the bureau, for the auditor's file. */
    @GetMapping("/audit/packages/{applicationId}/{version:\\d{1,6}}/report.pdf")
    ResponseEntity<byte[]> pdf(CurrentUser me, @PathVariable UUID applicationId, @PathVariable int version,
                               Locale locale) {
        Checked checked = reverify(me, applicationId, version, "pdf");
        byte[] pdf = reportPdf.render(checked.stored(), checked.report(), checked.report().validationTime(), locale);
        String name = checked.stored().onRecord().reference() + "-v" + version + "-report.pdf";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(pdf);
    }

    /** Verifies the stored bytes now, and records that it was done and what it found. */
    private Checked reverify(CurrentUser me, UUID applicationId, int version, String format) {
        AuditController.requireAuditor(me);
        StoredPackage stored = packages.find(applicationId, version)
                .orElseThrow(() -> PortalProblem.notFound("audit.package-not-found"));
        VerificationReport report = checks.verify(store.pathOf(stored.sha256()));
        audit.record(new AuditEntry(me.subject(), ActorRole.AUDITOR, "PackageReverified", applicationId, null,
                "version=" + version + "; sha256=" + stored.sha256() + "; indication=" + report.indication()
                        + "; format=" + format));
        return new Checked(stored, report);
    }

    private static String criteria(PackageQuery q) {
        List<String> used = new ArrayList<>();
        if (q.reference() != null) {
            used.add("reference");
        }
        if (q.serviceCode() != null) {
            used.add("service");
        }
        if (q.signedFrom() != null || q.signedBefore() != null) {
            used.add("date");
        }
        if (q.applicantId() != null) {
            used.add("applicantId");
        }
        if (q.applicantUsci() != null) {
            used.add("applicantUsci");
        }
        if (q.applicantName() != null) {
            used.add("applicantName");
        }
        return used.isEmpty() ? "none" : String.join(",", used);
    }

    /** A package and its signing time in China's time zone. */
    record Row(StoredPackage stored, LocalDateTime signedAt) {
    }

    private record Checked(StoredPackage stored, VerificationReport report) {
    }
}
