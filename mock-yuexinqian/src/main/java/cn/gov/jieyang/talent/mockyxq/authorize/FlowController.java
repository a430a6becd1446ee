package cn.gov.jieyang.talent.mockyxq.authorize;

import cn.gov.jieyang.talent.mockyxq.MockYuexinqianProperties;
import cn.gov.jieyang.talent.mockyxq.authorize.Flow.Step;
import cn.gov.jieyang.talent.mockyxq.callback.CallbackService;
import cn.gov.jieyang.talent.mockyxq.callback.VerificationResult;
import cn.gov.jieyang.talent.mockyxq.callback.VerificationResult.Outcome;
import cn.gov.jieyang.talent.mockyxq.person.Person;
import cn.gov.jieyang.talent.mockyxq.person.PersonCookie;
import cn.gov.jieyang.talent.mockyxq.person.PersonForm;
import cn.gov.jieyang.talent.mockyxq.person.PersonStore;
import cn.gov.jieyang.talent.mockyxq.web.ErrorPageException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The pages after consent: first-time form, face check, and the way back to the relying app.
 * Plain form posts carrying the flow id in a hidden field; no script is needed to click through.
 */
@Controller
class FlowController {

    private static final Logger log = LoggerFactory.getLogger(FlowController.class);

    private final FlowStore flows;
    private final PersonStore persons;
    private final CallbackService callbacks;
    private final boolean secureCookies;

    FlowController(FlowStore flows, PersonStore persons, CallbackService callbacks, MockYuexinqianProperties properties) {
        this.flows = flows;
        this.persons = persons;
        this.callbacks = callbacks;
        this.secureCookies = properties.publicBaseUrl().startsWith("https:");
    }

    /** Agree: a known person goes straight to the face check; anyone else fills in the form first. */
    @PostMapping("/flow/consent")
    ModelAndView consent(@RequestParam String flow, @RequestParam(defaultValue = "agree") String decision,
                         @CookieValue(name = PersonCookie.NAME, required = false) String personId) {
        Flow current = flows.at(flow, Step.CONSENT);
        if ("decline".equals(decision)) {
            return cancel(flows.finish(flow, Step.CONSENT));
        }
        return persons.find(personId)
                .map(person -> facePage(flows.advance(current, Step.FACE, person.id()), person))
                .orElseGet(() -> personPage(flows.advance(current, Step.IDENTIFY, null), emptyForm(), Map.of()));
    }

    @PostMapping("/flow/person")
    ModelAndView person(@RequestParam String flow,
                        @RequestParam(defaultValue = "") String name,
                        @RequestParam(defaultValue = Person.RESIDENT_ID) String idType,
                        @RequestParam(defaultValue = "") String idNumber,
                        @RequestParam(required = false) String consent,
                        HttpServletResponse response) {
        Flow current = flows.at(flow, Step.IDENTIFY);
        PersonForm form = new PersonForm(name, idType, idNumber, consent != null);
        Map<String, String> errors = form.errors();
        if (!errors.isEmpty()) {
            return personPage(current, form, errors);
        }
        Person person = persons.remember(form.normalizedName(), Person.RESIDENT_ID, form.normalizedIdNumber());
        response.addHeader(HttpHeaders.SET_COOKIE, PersonCookie.of(person, secureCookies).toString());
        log.info("Remembered person {} for app={} txn={}", person.maskedIdNumber(),
                current.request().app().appId(), current.request().txn());
        return facePage(flows.advance(current, Step.FACE, person.id()), person);
    }

    /** "Not you?" on the face check: back to the form, so one phone can play several people. */
    @PostMapping("/flow/switch-person")
    ModelAndView switchPerson(@RequestParam String flow) {
        Flow current = flows.at(flow, Step.FACE);
        return personPage(flows.advance(current, Step.IDENTIFY, null), emptyForm(), Map.of());
    }

    @PostMapping("/flow/face")
    ModelAndView face(@RequestParam String flow, @RequestParam String result) {
        if (!result.equals("pass") && !result.equals("fail") && !result.equals("cancel")) {
            throw new ErrorPageException(HttpStatus.BAD_REQUEST, "error.badRequest");
        }
        Flow finished = flows.finish(flow, Step.FACE);
        if (result.equals("cancel")) {
            return cancel(finished);
        }
        Person person = persons.find(finished.personId())
                .orElseThrow(() -> new ErrorPageException(HttpStatus.BAD_REQUEST, "error.flow.expired"));
        boolean passed = result.equals("pass");
        AuthorizationRequest request = finished.request();
        // Synchronous on purpose: the protocol sends the callback before the browser goes back,
        // so the bridge normally holds the result when the browser arrives.
        callbacks.send(new VerificationResult(request.app(), request.txn(), request.nonce(),
                passed ? Outcome.VERIFIED : Outcome.FAILED, person, Instant.now()));
        return redirect(request.returnUri(passed ? null : "verification_failed"));
    }

    private ModelAndView cancel(Flow flow) {
        log.info("Login cancelled by the person: app={} txn={}; no callback", flow.request().app().appId(),
                flow.request().txn());
        return redirect(flow.request().returnUri("cancelled"));
    }

    private static ModelAndView personPage(Flow flow, PersonForm form, Map<String, String> errors) {
        ModelAndView page = page("authorize/person", flow);
        page.addObject("form", form);
        page.addObject("errors", errors);
        return page;
    }

    private static ModelAndView facePage(Flow flow, Person person) {
        ModelAndView page = page("authorize/face", flow);
        page.addObject("personName", person.name());
        page.addObject("personIdMasked", person.maskedIdNumber());
        return page;
    }

    private static ModelAndView page(String view, Flow flow) {
        ModelAndView page = new ModelAndView(view);
        page.addObject("flowId", flow.id());
        page.addObject("appName", flow.request().app().displayName());
        return page;
    }

    private static PersonForm emptyForm() {
        return new PersonForm("", Person.RESIDENT_ID, "", false);
    }

    /** 302, as the protocol shows; no model attributes appended to the relying app's URL. */
    private static ModelAndView redirect(String location) {
        RedirectView view = new RedirectView(location);
        view.setStatusCode(HttpStatus.FOUND);
        view.setExposeModelAttributes(false);
        view.setExpandUriTemplateVariables(false);
        return new ModelAndView(view);
    }
}
