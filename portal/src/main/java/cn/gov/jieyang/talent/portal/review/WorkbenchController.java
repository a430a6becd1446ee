package cn.gov.jieyang.talent.portal.review;

import cn.gov.jieyang.talent.portal.audit.AuditEntry;
import cn.gov.jieyang.talent.portal.audit.AuditLog;
import cn.gov.jieyang.talent.portal.cases.CaseState;
import cn.gov.jieyang.talent.portal.catalogue.Catalogue;
import cn.gov.jieyang.talent.portal.catalogue.TalentService;
import cn.gov.jieyang.talent.portal.deadlines.Deadline;
import cn.gov.jieyang.talent.portal.deadlines.Deadlines;
import cn.gov.jieyang.talent.portal.identity.IdNumberProtector;
import cn.gov.jieyang.talent.portal.login.CurrentUser;
import cn.gov.jieyang.talent.portal.web.PortalProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The reviewer's workbench, {@code GET /review}: each service's queue with its counts by state, and one
 * list (a state's tab) filtered by service, submission days, deadline and assignment, searched by
 * reference, name, credit code or ID number, and paged by keyset. The search form posts, so that an ID
 * number typed into it never appears in a URL (the redirect carries its lookup hash and mask instead).
 */
@Controller
@RequestMapping("/review")
class WorkbenchController {

    private final WorkbenchQueries workbench;
    private final ReviewQueries queries;
    private final Catalogue catalogue;
    private final Deadlines deadlines;
    private final IdNumberProtector idNumbers;
    private final ReviewerDirectory reviewers;
    private final AuditLog audit;
    private final ReviewScope scope;

    WorkbenchController(WorkbenchQueries workbench, ReviewQueries queries, Catalogue catalogue, Deadlines deadlines,
            IdNumberProtector idNumbers, ReviewerDirectory reviewers, AuditLog audit, ReviewScope scope) {
        this.scope = scope;
        this.workbench = workbench;
        this.queries = queries;
        this.catalogue = catalogue;
        this.deadlines = deadlines;
        this.idNumbers = idNumbers;
        this.reviewers = reviewers;
        this.audit = audit;
    }

    @GetMapping
    String workbench(@RequestParam(required = false) String service, @RequestParam(required = false) String state,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String deadline, @RequestParam(required = false) String assigned,
            @RequestParam(required = false) String q, @RequestParam(required = false) String idh,
            @RequestParam(required = false) String idm, @RequestParam(required = false) String after,
            CurrentUser me, Model model) {
        ReviewController.requireReviewer(me);
        reviewers.seen(me);
        ReviewScope.Scope mine = scope.of(me);
        // Only the services this reviewer reviews: their queues, counts and cases (V15).
        List<TalentService> services = catalogue.all().stream().filter(s -> mine.covers(s.code())).toList();
        Map<String, TalentService> byCode = services.stream()
                .collect(Collectors.toMap(TalentService::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        WorkbenchSearch search = idh != null ? WorkbenchSearch.ofHash(idh, idm) : WorkbenchSearch.parse(q, idNumbers);
        WorkbenchFilter filter = WorkbenchFilter.of(byCode.containsKey(service) ? service : null, state, from, to,
                deadline, assigned, search, after);
        Deadline.Bounds bounds = deadlines.bounds();
        Map<String, Map<CaseState, Long>> counts = queries.counts();
        counts.keySet().retainAll(byCode.keySet());
        WorkbenchQueries.Page page = workbench.page(filter, me.subject(), bounds, mine);

        Map<CaseState, Long> tabCounts = new LinkedHashMap<>();
        Map<CaseState, String> tabLinks = new LinkedHashMap<>();
        for (CaseState s : WorkbenchFilter.STATES) {
            tabCounts.put(s, counts.entrySet().stream()
                    .filter(e -> filter.service() == null || e.getKey().equals(filter.service()))
                    .mapToLong(e -> e.getValue().getOrDefault(s, 0L)).sum());
            tabLinks.put(s, link(filter.inState(s)));
        }
        model.addAttribute("services", services);
        model.addAttribute("serviceMap", byCode);
        model.addAttribute("counts", counts);
        Map<String, ReviewQueries.DeadlineCounts> deadlineCounts = queries.deadlineCounts(bounds);
        deadlineCounts.keySet().retainAll(byCode.keySet());
        model.addAttribute("deadlineCounts", deadlineCounts);
        model.addAttribute("noScope", mine.none());
        model.addAttribute("states", WorkbenchFilter.STATES);
        model.addAttribute("filter", filter);
        model.addAttribute("searchText", search == null || search.kind() == WorkbenchSearch.Kind.ID_NUMBER ? ""
                : search.value());
        model.addAttribute("tabCounts", tabCounts);
        model.addAttribute("tabLinks", tabLinks);
        model.addAttribute("entries", page.entries());
        model.addAttribute("nextLink", page.next() == null ? null : link(filter.after(page.next())));
        model.addAttribute("firstLink", filter.after() == null ? null : link(filter.after(null)));
        return "review/workbench";
    }

    /**
     * The filter form: posted, so that what was typed into the search box (perhaps an ID number) is not in
     * a URL; answered with the list's GET address (an ID number only as its lookup hash and mask).
     */
    @PostMapping("/search")
    String search(@RequestParam(required = false) String service, @RequestParam(required = false) String state,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String deadline, @RequestParam(required = false) String assigned,
            @RequestParam(required = false) String q, CurrentUser me) {
        ReviewController.requireReviewer(me);
        WorkbenchSearch search = WorkbenchSearch.parse(q, idNumbers);
        if (search != null && search.kind() == WorkbenchSearch.Kind.ID_NUMBER) {
            // Who looked a person up by their ID number is on record (the number itself never is).
            audit.record(new AuditEntry(me.subject(), AuditEntry.ActorRole.REVIEWER, "CasesSearched", null, null,
                    "by=id-number"));
        }
        return "redirect:" + link(WorkbenchFilter.of(service, state, from, to, deadline, assigned, search, null));
    }

    /** The address of a service's queue before the workbench: its list, from the pending tab. */
    @GetMapping("/services/{code}")
    String queue(@PathVariable String code, CurrentUser me) {
        ReviewController.requireReviewer(me);
        TalentService service = (code.length() <= 64 ? catalogue.byCode(code) : java.util.Optional.<TalentService>empty())
                .filter(s -> scope.of(me).covers(s.code()))
                .orElseThrow(() -> PortalProblem.notFound("review.service-not-found"));
        return "redirect:" + link(WorkbenchFilter.of(service.code(), null, null, null, null, null, null, null));
    }

    private static String link(WorkbenchFilter filter) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/review");
        filter.params().forEach(uri::queryParam);
        return uri.encode().build().toUriString();
    }
}
