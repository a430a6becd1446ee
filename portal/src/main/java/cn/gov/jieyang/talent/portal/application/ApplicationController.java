package cn.gov.jieyang.talent.portal.application;

import cn.gov.jieyang.talent.portal.catalogue.Catalogue;
import cn.gov.jieyang.talent.portal.catalogue.SubjectType;
import cn.gov.jieyang.talent.portal.catalogue.TalentService;
import cn.gov.jieyang.talent.portal.login.CurrentUser;
import cn.gov.jieyang.talent.portal.web.PortalProblem;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Choosing services (new draft or adding to one), the list of drafts to resume, the task list, and
 * removing a service.
 */
@Controller
class ApplicationController {

    private final Drafts drafts;
    private final DraftCommands commands;
    private final Catalogue catalogue;

    ApplicationController(Drafts drafts, DraftCommands commands, Catalogue catalogue) {
        this.drafts = drafts;
        this.commands = commands;
        this.catalogue = catalogue;
    }

    /** A service on the choose page and whether it can be ticked. */
    record Option(TalentService service, String status, boolean selectable) {
        Option(TalentService service, String status) {
            this(service, status, "available".equals(status));
        }
    }

    @GetMapping("/applications/new")
    String choose(CurrentUser me, Model model) {
        return choosePage(me, null, Set.of(), null, model);
    }

    @PostMapping("/applications")
    String create(CurrentUser me, @RequestParam(name = "service", required = false) List<String> services,
            Model model, HttpServletResponse response) {
        try {
            UUID id = commands.create(me, services == null ? List.of() : services);
            return "redirect:/applications/" + id;
        } catch (Refusal refusal) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return choosePage(me, null, Set.of(), refusal, model);
        }
    }

    @GetMapping("/applications")
    String list(CurrentUser me, Model model) {
        model.addAttribute("drafts", drafts.draftsOf(me.subject()));
        return "applications/list";
    }

    @GetMapping("/applications/{id}")
    String tasks(@PathVariable UUID id, CurrentUser me, Model model) {
        model.addAttribute("draft", owned(id, me));
        return "applications/tasks";
    }

    @GetMapping("/applications/{id}/services")
    String chooseMore(@PathVariable UUID id, CurrentUser me, Model model) {
        DraftView draft = editable(id, me);
        return choosePage(me, draft, chosen(draft), null, model);
    }

    @PostMapping("/applications/{id}/services")
    String add(@PathVariable UUID id, CurrentUser me,
            @RequestParam(name = "service", required = false) List<String> services, Model model,
            HttpServletResponse response) {
        try {
            commands.addServices(id, me, services == null ? List.of() : services);
            return "redirect:/applications/" + id;
        } catch (Refusal refusal) {
            DraftView draft = editable(id, me);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return choosePage(me, draft, chosen(draft), refusal, model);
        }
    }

    @PostMapping("/applications/{id}/services/{code}/remove")
    String remove(@PathVariable UUID id, @PathVariable String code, CurrentUser me) {
        commands.removeService(id, me, code);
        return "redirect:/applications/" + id;
    }

    private String choosePage(CurrentUser me, DraftView draft, Set<String> chosen, Refusal refusal, Model model) {
        SubjectType type = me.subjectType();
        List<Option> options = catalogue.all().stream().map(s -> new Option(s,
                chosen.contains(s.code()) ? "chosen"
                        : !s.admits(type) ? "not-for-subject"
                        : !s.acceptsApplications() ? "closed" : "available")).toList();
        model.addAttribute("options", options);
        model.addAttribute("draft", draft);
        model.addAttribute("enterprise", type == SubjectType.ENTERPRISE);
        if (refusal != null) {
            model.addAttribute("refusalKey", refusal.reason().messageKey());
            model.addAttribute("refusalService", refusal.serviceCode() == null ? null
                    : catalogue.byCode(refusal.serviceCode()).orElse(null));
        }
        return "applications/choose";
    }

    private static Set<String> chosen(DraftView draft) {
        return Set.copyOf(draft.bundle().services().stream().map(TalentService::code).toList());
    }

    private DraftView owned(UUID id, CurrentUser me) {
        return drafts.findOwned(id, me.subject()).orElseThrow(() -> PortalProblem.notFound("application.not-found"));
    }

    private DraftView editable(UUID id, CurrentUser me) {
        DraftView draft = owned(id, me);
        if (!draft.isDraft()) {
            throw PortalProblem.conflict("application.not-a-draft");
        }
        return draft;
    }
}
