package cn.gov.jieyang.talent.portal.matters;

import cn.gov.jieyang.talent.portal.application.Applications;
import cn.gov.jieyang.talent.portal.audit.AuditLog;
import cn.gov.jieyang.talent.portal.catalogue.Catalogue;
import cn.gov.jieyang.talent.portal.catalogue.Material;
import cn.gov.jieyang.talent.portal.catalogue.MaterialRequirement;
import cn.gov.jieyang.talent.portal.catalogue.TalentService;
import cn.gov.jieyang.talent.portal.login.CurrentUser;
import cn.gov.jieyang.talent.portal.matters.MatterViews.Application;
import cn.gov.jieyang.talent.portal.matters.MatterViews.CaseDetail;
import cn.gov.jieyang.talent.portal.matters.MatterViews.TimelineEntry;
import cn.gov.jieyang.talent.portal.web.ChinaTime;
import cn.gov.jieyang.talent.portal.web.PortalProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * 我的事项: the list of the applicant's applications and one application's progress. Every record is
 * looked up together with the logged-in subject: another person's application is a 404, exactly like
 * one that does not exist.
 */
@Controller
class MattersController {

    private final MattersQueries queries;
    private final Catalogue catalogue;
    private final AuditLog audit;
    private final Applications applications;

    MattersController(MattersQueries queries, Catalogue catalogue, AuditLog audit, Applications applications) {
        this.queries = queries;
        this.catalogue = catalogue;
        this.audit = audit;
        this.applications = applications;
    }

    @GetMapping("/matters")
    String list(CurrentUser me, Model model) {
        var all = queries.applications(me.subject(), services());
        model.addAttribute("submitted", all.stream().filter(a -> !a.draft()).toList());
        model.addAttribute("drafts", all.stream().filter(MatterViews.ApplicationSummary::draft).toList());
        return "matters/list";
    }

    @GetMapping("/matters/{applicationId}")
    String detail(@PathVariable UUID applicationId, CurrentUser me, Model model) {
        // A malformed id never gets here: PortalErrors answers it 404, like an unknown one.
        Application application = queries.application(applicationId, me.subject())
                .orElseThrow(() -> PortalProblem.notFound("matters.not-found"));
        if (application.draft()) {
            // A draft has no progress yet: it is edited on the application pages.
            return "redirect:/applications/" + application.id();
        }
        Map<String, TalentService> services = services();
        List<CaseDetail> cases = queries.cases(application.id(), services);
        Map<UUID, String> caseServices = applications.caseServices(application.id());
        model.addAttribute("matter", application); // not "application": Thymeleaf reserves it for the servlet context
        model.addAttribute("cases", cases);
        model.addAttribute("anyReturned", cases.stream().anyMatch(CaseDetail::returned));
        model.addAttribute("replaceable", replaceable(cases));
        model.addAttribute("packages", queries.packages(application.id()));
        model.addAttribute("timeline", audit.forApplication(application.id()).stream()
                .map(e -> new TimelineEntry(ChinaTime.localDateTime(e.occurredAt()), e.eventType(),
                        e.actorRole().name().toLowerCase(Locale.ROOT),
                        e.caseId() == null ? null : caseServices.get(e.caseId())))
                .toList());
        model.addAttribute("services", services);
        return "matters/detail";
    }

    /** The materials of the returned services, each once, in the order the services ask for them. */
    private static List<Material> replaceable(List<CaseDetail> cases) {
        Map<String, Material> materials = new LinkedHashMap<>();
        cases.stream().filter(CaseDetail::returned)
                .flatMap(c -> c.service().materials().stream())
                .map(MaterialRequirement::material)
                .forEach(m -> materials.putIfAbsent(m.code(), m));
        return List.copyOf(materials.values());
    }

    private Map<String, TalentService> services() {
        return catalogue.all().stream().collect(Collectors.toMap(TalentService::code, Function.identity()));
    }
}
