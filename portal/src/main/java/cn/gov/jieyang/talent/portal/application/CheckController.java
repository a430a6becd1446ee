package cn.gov.jieyang.talent.portal.application;

import cn.gov.jieyang.talent.portal.catalogue.TalentService;
import cn.gov.jieyang.talent.portal.login.CurrentUser;
import cn.gov.jieyang.talent.portal.login.StepUp;
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
    private final StepUp stepUp;

    CheckController(Drafts drafts, StepUp stepUp) {
        this.drafts = drafts;
        this.stepUp = stepUp;
    }

    @GetMapping("/applications/{id}/check")
    String check(@PathVariable UUID id, CurrentUser me, Model model) {
        DraftView draft = drafts.findOwned(id, me.subject())
                .orElseThrow(() -> PortalProblem.notFound("application.not-found"));
        model.addAttribute("draft", draft);
        model.addAttribute("stepUpRequired", stepUp.required(me,
                draft.bundle().services().stream().map(TalentService::code).toList()));
        return "applications/check";
    }
}
