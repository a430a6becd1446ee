package cn.gov.jieyang.talent.portal.review;

import cn.gov.jieyang.talent.portal.application.Applications;
import cn.gov.jieyang.talent.portal.audit.AuditLog;
import cn.gov.jieyang.talent.portal.cases.CaseState;
import cn.gov.jieyang.talent.portal.catalogue.Catalogue;
import cn.gov.jieyang.talent.portal.catalogue.TalentService;
import cn.gov.jieyang.talent.portal.deadlines.Deadlines;
import cn.gov.jieyang.talent.portal.login.CurrentUser;
import cn.gov.jieyang.talent.portal.web.ChinaTime;
import cn.gov.jieyang.talent.portal.web.PortalProblem;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reviewer's pages: counts per service, a service's queue, a case with its actions. LoginConfig
 * lets only ROLE_REVIEWER reach /review/**; the role is checked again here so that a change to the
 * URL rules cannot open these pages by accident.
 */
@Controller
@RequestMapping("/review")
class ReviewController {

    /** The states of submitted cases, in the order the overview counts them. */
    static final List<CaseState> STATES = Arrays.stream(CaseState.values()).filter(CaseState::isSubmitted).toList();

    private final ReviewQueries queries;
    private final ReviewActions actions;
    private final Catalogue catalogue;
    private final AuditLog audit;
    private final Applications applications;
    private final Deadlines deadlines;

    ReviewController(ReviewQueries queries, ReviewActions actions, Catalogue catalogue, AuditLog audit,
            Applications applications, Deadlines deadlines) {
        this.queries = queries;
        this.actions = actions;
        this.catalogue = catalogue;
        this.audit = audit;
        this.applications = applications;
        this.deadlines = deadlines;
    }

    @GetMapping
    String overview(CurrentUser me, Model model) {
        requireReviewer(me);
        model.addAttribute("services", catalogue.all());
        model.addAttribute("counts", queries.counts());
        model.addAttribute("deadlineCounts", queries.deadlineCounts(deadlines.bounds()));
        model.addAttribute("states", STATES);
        return "review/overview";
    }

    @GetMapping("/services/{code}")
    String queue(@PathVariable String code, CurrentUser me, Model model) {
        requireReviewer(me);
        TalentService service = (code.length() <= 64 ? catalogue.byCode(code) : Optional.<TalentService>empty())
                .orElseThrow(() -> PortalProblem.notFound("review.service-not-found"));
        model.addAttribute("service", service);
        model.addAttribute("entries", queries.queue(service.code(), deadlines.bounds()));
        return "review/queue";
    }

    // Ids are UUIDs: a malformed one never reaches these methods; PortalErrors answers it 404, like an
    // unknown one.
    @GetMapping("/cases/{caseId}")
    String reviewCase(@PathVariable UUID caseId, CurrentUser me, Model model) {
        requireReviewer(me);
        return casePage(caseId, model);
    }

    @PostMapping("/cases/{caseId}/accept")
    String accept(@PathVariable UUID caseId, @RequestParam int version, CurrentUser me) {
        requireReviewer(me);
        actions.accept(caseId, version, me);
        return "redirect:/review/cases/" + caseId;
    }

    @PostMapping("/cases/{caseId}/return")
    String returnCase(@PathVariable UUID caseId, @RequestParam int version,
            @RequestParam(required = false) String reason, CurrentUser me, Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        requireReviewer(me);
        Optional<String> problem = ReturnReason.problem(reason);
        if (problem.isPresent()) {
            // Show the page again with the error and what was typed (bounded: never echo megabytes back).
            model.addAttribute("reasonError", problem.get());
            model.addAttribute("reason", reason == null ? "" : reason.substring(0, Math.min(reason.length(),
                    ReturnReason.MAX_LENGTH + 100)));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return casePage(caseId, model);
        }
        actions.returnCase(caseId, version, new ReturnReason(reason), me);
        return "redirect:/review/cases/" + caseId;
    }

    @PostMapping("/cases/{caseId}/complete")
    String complete(@PathVariable UUID caseId, @RequestParam int version, CurrentUser me) {
        requireReviewer(me);
        actions.complete(caseId, version, me);
        return "redirect:/review/cases/" + caseId;
    }

    private String casePage(UUID caseId, Model model) {
        ReviewCase kase = queries.reviewCase(caseId)
                .orElseThrow(() -> PortalProblem.notFound("review.case-not-found"));
        Map<String, TalentService> services = catalogue.all().stream()
                .collect(Collectors.toMap(TalentService::code, Function.identity()));
        model.addAttribute("kase", kase);
        model.addAttribute("deadline", deadlines.bounds().of(kase.state(), kase.dueOn()));
        model.addAttribute("submittedAt", ChinaTime.localDateTime(kase.submittedAt()));
        model.addAttribute("service", services.get(kase.serviceCode()));
        model.addAttribute("services", services);
        model.addAttribute("applicant", queries.applicant(kase.applicantSubject()).orElse(null));
        // What this case's service needs, with the common parts; not what the bundle's other services asked.
        model.addAttribute("answers", applications.answersFor(kase.applicationId(), kase.serviceCode()));
        model.addAttribute("materials", queries.materials(kase.applicationId(), kase.serviceCode()));
        model.addAttribute("packages", queries.packages(kase.applicationId()));
        model.addAttribute("history", HistoryEntry.of(audit.forApplication(kase.applicationId()),
                applications.caseServices(kase.applicationId())));
        model.addAttribute("maxReason", ReturnReason.MAX_LENGTH);
        return "review/case";
    }

    static void requireReviewer(CurrentUser me) {
        if (me == null || !me.isReviewer()) {
            throw new PortalProblem("forbidden", HttpStatus.FORBIDDEN);
        }
    }
}
