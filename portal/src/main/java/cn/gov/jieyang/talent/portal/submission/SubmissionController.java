package cn.gov.jieyang.talent.portal.submission;

import cn.gov.jieyang.talent.portal.login.CurrentUser;
import cn.gov.jieyang.talent.portal.login.StepUp;
import cn.gov.jieyang.talent.portal.login.StepUpRequired;
import jakarta.servlet.http.HttpServletRequest;
import cn.gov.jieyang.talent.portal.sealing.PackageSealingException;
import cn.gov.jieyang.talent.portal.sealing.SealedPackage;
import cn.gov.jieyang.talent.portal.storage.ContentStore;
import cn.gov.jieyang.talent.portal.web.PortalProblem;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** Submit, resubmit, the confirmation page and package downloads. */
@Controller
@RequestMapping("/applications/{id}")
class SubmissionController {

    private static final Logger log = LoggerFactory.getLogger(SubmissionController.class);
    private static final int MAX_VERSION = 10_000;

    private final Submissions submissions;
    private final SubmissionQueries queries;
    private final ContentStore store;
    private final StepUp stepUp;

    SubmissionController(Submissions submissions, SubmissionQueries queries, ContentStore store, StepUp stepUp) {
        this.submissions = submissions;
        this.queries = queries;
        this.store = store;
        this.stepUp = stepUp;
    }

    @PostMapping("/submit")
    String submit(@PathVariable UUID id, CurrentUser me) {
        guarded(id, () -> submissions.submit(me, id));
        return "redirect:/applications/" + id + "/submitted";
    }

    @PostMapping("/resubmit")
    String resubmit(@PathVariable UUID id, CurrentUser me) {
        guarded(id, () -> submissions.resubmit(me, id));
        return "redirect:/applications/" + id + "/submitted";
    }

    /**
     * Turns a failure after which everything was rolled back into a page that says so. Only the
     * application id and the failure's type are logged: messages may name files.
     */
    private static void guarded(UUID id, Runnable action) {
        try {
            action.run();
        } catch (PackageSealingException e) {
            if (e.reason() == PackageSealingException.Reason.TIME_STAMP_UNAVAILABLE) {
                // The message names the TSA and what it did, never a person or a file; 503: try again later.
                log.warn("sealing application {} failed, nothing submitted: {}", id, e.getMessage());
                throw new PortalProblem("submission.time-stamp-unavailable", HttpStatus.SERVICE_UNAVAILABLE);
            }
            log.warn("sealing application {} failed, nothing submitted: {}", id, rootType(e));
            throw new PortalProblem("submission.sealing-failed", HttpStatus.INTERNAL_SERVER_ERROR);
        } catch (DataAccessException e) {
            log.warn("submitting application {} failed in the database, nothing submitted: {}", id, rootType(e));
            throw new PortalProblem("submission.failed", HttpStatus.INTERNAL_SERVER_ERROR);
        }
    }

    private static String rootType(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return e.getClass().getSimpleName() + " / " + t.getClass().getSimpleName();
    }

    /** A password individual is sent through the face check, then back to the page they came from. */
    @ExceptionHandler(StepUpRequired.class)
    String stepUp(StepUpRequired required, HttpServletRequest request) {
        return "redirect:" + stepUp.begin(request, required.returnTo());
    }

    /** 409 with the list of what to fix, and a way back to the application. */
    @ExceptionHandler(SubmissionRefused.class)
    ModelAndView refused(SubmissionRefused refused) {
        ModelAndView mav = new ModelAndView("submission/refused", HttpStatus.CONFLICT);
        mav.addObject("code", refused.code());
        mav.addObject("items", refused.items());
        mav.addObject("applicationId", refused.applicationId());
        return mav;
    }

    @GetMapping("/submitted")
    String submitted(@PathVariable UUID id, CurrentUser me, Model model) {
        model.addAttribute("submission", queries.confirmation(me, id));
        return "submission/submitted";
    }

    @GetMapping("/packages/{version}")
    ResponseEntity<Resource> download(@PathVariable UUID id, @PathVariable int version, CurrentUser me) {
        if (version < 1 || version > MAX_VERSION) {
            throw PortalProblem.notFound("submission.package-not-found");
        }
        SubmissionQueries.Download d = queries.download(me, id, version);
        // Streamed from the store by Spring; never read into memory. nosniff: a browser must not
        // reinterpret the ZIP as something it would render.
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(SealedPackage.MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(d.reference() + "-v" + d.version() + ".asice").build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new FileSystemResource(store.pathOf(d.sha256())));
    }
}
