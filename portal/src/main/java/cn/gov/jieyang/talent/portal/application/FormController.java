package cn.gov.jieyang.talent.portal.application;

import cn.gov.jieyang.talent.portal.login.CurrentUser;
import cn.gov.jieyang.talent.portal.web.PortalProblem;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The one form: the union of the chosen services' fields, each asked once. Inputs are named
 * {@code field-<code>}; only the draft's own fields are read, each bounded by its maximum length. What the
 * real-name record already holds is shown filled in ({@link FormPrefill}).
 */
@Controller
class FormController {

    private static final String PREFIX = "field-";

    private final Drafts drafts;
    private final DraftCommands commands;
    private final FormPrefill prefill;

    FormController(Drafts drafts, DraftCommands commands, FormPrefill prefill) {
        this.drafts = drafts;
        this.commands = commands;
        this.prefill = prefill;
    }

    @GetMapping("/applications/{id}/form")
    String form(@PathVariable UUID id, CurrentUser me, Model model) {
        DraftView draft = drafts.findOwned(id, me.subject())
                .orElseThrow(() -> PortalProblem.notFound("application.not-found"));
        model.addAttribute("draft", draft);
        model.addAttribute("values", prefill.values(draft));
        model.addAttribute("problems", Map.of());
        return "applications/form";
    }

    @PostMapping("/applications/{id}/form")
    String save(@PathVariable UUID id, CurrentUser me, @RequestParam MultiValueMap<String, String> params,
            Model model, HttpServletResponse response) {
        Map<String, String> given = new HashMap<>();
        params.forEach((name, values) -> {
            if (name.startsWith(PREFIX) && values != null && !values.isEmpty()) {
                given.put(name.substring(PREFIX.length()), values.get(0));
            }
        });
        Map<String, FormField.Problem> problems = commands.saveAnswers(id, me, given);
        if (problems.isEmpty()) {
            return "redirect:/applications/" + id;
        }
        DraftView draft = drafts.findOwned(id, me.subject())
                .orElseThrow(() -> PortalProblem.notFound("application.not-found"));
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("draft", draft);
        // Shown back as typed (as text, never markup), so the person can correct it.
        model.addAttribute("values", given);
        model.addAttribute("problems", problems);
        return "applications/form";
    }
}
