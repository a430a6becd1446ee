package cn.gov.jieyang.talent.portal.review;

import cn.gov.jieyang.talent.portal.application.Applications;
import cn.gov.jieyang.talent.portal.audit.AuditEntry;
import cn.gov.jieyang.talent.portal.audit.AuditLog;
import cn.gov.jieyang.talent.portal.catalogue.Catalogue;
import cn.gov.jieyang.talent.portal.catalogue.TalentService;
import cn.gov.jieyang.talent.portal.deadlines.Deadlines;
import cn.gov.jieyang.talent.portal.login.CurrentUser;
import cn.gov.jieyang.talent.portal.web.ChinaTime;
import cn.gov.jieyang.talent.portal.web.PortalProblem;
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
 * A case as the reviewer sees it, with its actions: accept, return, complete, and claim, release or assign
 * it (the workbench's lists are {@link WorkbenchController}'s). LoginConfig lets only ROLE_REVIEWER reach
 * /review/**; the role is checked again here so that a change to the URL rules cannot open these pages by
 * accident. Opening a case page shows personal data: each opening is recorded as {@code CaseViewed}.
 */
@Controller
@RequestMapping("/review")
class ReviewController {

    /** The reviewer's own openings would fill the case's history; the audit chain keeps them all. */
    private static final String VIEWED = "CaseViewed";

    private final ReviewQueries queries;
    private final ReviewActions actions;
    private final Catalogue catalogue;
    private final AuditLog audit;
    private final Applications applications;
    private final Deadlines deadlines;
    private final ReviewerDirectory reviewers;
    private final ReviewScope scope;

    ReviewController(ReviewQueries queries, ReviewActions actions, Catalogue catalogue, AuditLog audit,
            Applications applications, Deadlines deadlines, ReviewerDirectory reviewers, ReviewScope scope) {
        this.scope = scope;
        this.queries = queries;
        this.actions = actions;
        this.catalogue = catalogue;
        this.audit = audit;
        this.applications = applications;
        this.deadlines = deadlines;
        this.reviewers = reviewers;
    }

    // Ids are UUIDs: a malformed one never reaches these methods; PortalErrors answers it 404, like an
    // unknown one.
    @GetMapping("/cases/{caseId}")
    String reviewCase(@PathVariable UUID caseId, CurrentUser me, Model model) {
        requireReviewer(me);
        reviewers.seen(me);
        return casePage(caseId, me, model);
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
            return casePage(caseId, me, model);
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

    @PostMapping("/cases/{caseId}/claim")
    String claim(@PathVariable UUID caseId, @RequestParam int version, CurrentUser me) {
        requireReviewer(me);
        actions.claim(caseId, version, me);
        return "redirect:/review/cases/" + caseId;
    }

    @PostMapping("/cases/{caseId}/release")
    String release(@PathVariable UUID caseId, @RequestParam int version, CurrentUser me) {
        requireReviewer(me);
        actions.release(caseId, version, me);
        return "redirect:/review/cases/" + caseId;
    }

    @PostMapping("/cases/{caseId}/assign")
    String assign(@PathVariable UUID caseId, @RequestParam int version,
            @RequestParam(required = false) String assignee, CurrentUser me) {
        requireReviewer(me);
        ReviewCase kase = visibleCase(caseId, me);
        // Only to a reviewer who reviews the case's service (or a supervisor).
        ReviewerDirectory.Reviewer to = (assignee == null || assignee.length() > 255 ? Optional.<ReviewerDirectory.Reviewer>empty()
                : reviewers.reviewerOf(kase.serviceCode(), assignee))
                .orElseThrow(() -> PortalProblem.conflict("review.assignee-unknown"));
        actions.assign(caseId, version, to.subject(), me);
        return "redirect:/review/cases/" + caseId;
    }

    /** The case, if it is one of this reviewer's services (V15): any other is "not found", like a missing one. */
    private ReviewCase visibleCase(UUID caseId, CurrentUser me) {
        return queries.reviewCase(caseId).filter(kase -> scope.of(me).covers(kase.serviceCode()))
                .orElseThrow(() -> PortalProblem.notFound("review.case-not-found"));
    }

    private String casePage(UUID caseId, CurrentUser me, Model model) {
        ReviewCase kase = visibleCase(caseId, me);
        // The page shows the applicant's personal data: who opened it, and when, is on record.
        audit.record(new AuditEntry(me.subject(), AuditEntry.ActorRole.REVIEWER, VIEWED, kase.applicationId(),
                kase.id(), kase.serviceCode()));
        Map<String, TalentService> services = catalogue.all().stream()
                .collect(Collectors.toMap(TalentService::code, Function.identity()));
        model.addAttribute("kase", kase);
        model.addAttribute("mine", me.subject().equals(kase.assignedTo()));
        model.addAttribute("supervisor", me.isSupervisor());
        model.addAttribute("assignee", kase.assignedTo() == null ? null : reviewers.find(kase.assignedTo())
                .map(ReviewerDirectory.Reviewer::name).orElse(kase.assignedTo()));
        model.addAttribute("reviewers", reviewers.reviewersOf(kase.serviceCode()).stream()
                .filter(r -> !r.subject().equals(kase.assignedTo())).toList());
        model.addAttribute("deadline", deadlines.bounds().of(kase.state(), kase.dueOn()));
        model.addAttribute("submittedAt", ChinaTime.localDateTime(kase.submittedAt()));
        model.addAttribute("service", services.get(kase.serviceCode()));
        model.addAttribute("services", services);
        model.addAttribute("applicant", queries.applicant(kase.applicantSubject()).orElse(null));
        // What this case's service needs, with the common parts; not what the bundle's other services asked.
        model.addAttribute("answers", applications.answersFor(kase.applicationId(), kase.serviceCode()));
        model.addAttribute("materials", queries.materials(kase.applicationId(), kase.serviceCode()));
        // A package holds every service of the bundle: offered only to whom every one of them belongs.
        boolean wholeBundle = scope.coversEvery(me, applications.caseServices(kase.applicationId()).values());
        model.addAttribute("packagesBeyondScope", !wholeBundle);
        model.addAttribute("packages", wholeBundle ? queries.packages(kase.applicationId()) : List.of());
        model.addAttribute("history", HistoryEntry.of(audit.forApplication(kase.applicationId()).stream()
                .filter(e -> !VIEWED.equals(e.eventType())).toList(), applications.caseServices(kase.applicationId())));
        model.addAttribute("maxReason", ReturnReason.MAX_LENGTH);
        return "review/case";
    }

    static void requireReviewer(CurrentUser me) {
        if (me == null || !me.isReviewer()) {
            throw new PortalProblem("forbidden", HttpStatus.FORBIDDEN);
        }
    }
}
