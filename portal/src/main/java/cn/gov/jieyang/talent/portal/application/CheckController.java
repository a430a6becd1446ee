package cn.gov.jieyang.talent.portal.application;

import cn.gov.jieyang.talent.portal.login.CurrentUser;
import cn.gov.jieyang.talent.portal.web.PortalProblem;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Check your answers: every service, answer and material with a change link, and the submit form
 * (posting to the submission feature's endpoint) only when everything required is present.
 */
@Controller
class CheckController {

    private final Drafts drafts;

    CheckController(Drafts drafts) {
        this.drafts = drafts;
    }

    @GetMapping("/applications/{id}/check")
    String check(@PathVariable UUID id, CurrentUser me, Model model) {
        DraftView draft = drafts.findOwned(id, me.subject())
                .orElseThrow(() -> PortalProblem.notFound("application.not-found"));
        model.addAttribute("draft", draft);
        return "applications/check";
    }
}
