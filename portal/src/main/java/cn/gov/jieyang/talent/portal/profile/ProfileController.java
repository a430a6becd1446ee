package cn.gov.jieyang.talent.portal.profile;

import cn.gov.jieyang.talent.portal.identity.IdNumberProtector;
import cn.gov.jieyang.talent.portal.login.CurrentUser;
import cn.gov.jieyang.talent.portal.web.ChinaTime;
import cn.gov.jieyang.talent.portal.web.PortalProblem;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The real-name record page. {@code GET /profile} shows the first-login form, or the record once it
 * exists; {@code GET /profile/edit} the contact details; {@code POST /profile} creates the record, or
 * changes the contact details of an existing one. Every lookup is by the logged-in subject: no route
 * takes a subject or id, so nobody can reach another applicant's record. Staff have no record (404).
 */
@Controller
@RequestMapping("/profile")
class ProfileController {

    private static final String FORM = "profileForm";
    private static final DateTimeFormatter CONSENT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Profiles profiles;
    private final IdNumberProtector idNumbers;

    ProfileController(Profiles profiles, IdNumberProtector idNumbers) {
        this.idNumbers = idNumbers;
        this.profiles = profiles;
    }

    @InitBinder(FORM)
    void bindOnlyFormFields(WebDataBinder binder) {
        binder.setAllowedFields(ProfileForm.FIELDS);
    }

    @GetMapping
    String show(CurrentUser me, @AuthenticationPrincipal OidcUser user, Model model) {
        refuseStaff(me);
        Optional<ApplicantProfile> profile = profiles.find(me.subject());
        if (profile.isPresent()) {
            model.addAttribute("profile", profile.get());
            model.addAttribute("consentedAt", CONSENT_TIME.format(profile.get().consentedAt().atZone(ChinaTime.ZONE)));
            return "profile/summary";
        }
        return newForm(me, user, ProfileForm.prefilled(me), model);
    }

    @GetMapping("/edit")
    String edit(CurrentUser me, Model model) {
        refuseStaff(me);
        Optional<ApplicantProfile> profile = profiles.find(me.subject());
        if (profile.isEmpty()) {
            return "redirect:/profile";
        }
        return contactForm(profile.get(), ProfileForm.contactOf(profile.get()), model);
    }

    @PostMapping
    String save(CurrentUser me, @AuthenticationPrincipal OidcUser user, @ModelAttribute(FORM) ProfileForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        refuseStaff(me);
        ApplicantKind kind = ApplicantKind.of(me);
        Optional<ApplicantProfile> existing = profiles.find(me.subject());
        if (existing.isPresent()) {
            // Only contact details change once a record exists; anything else in the form is ignored.
            ProfileValidation.Contact contact = ProfileValidation.contact(kind, form, errors);
            if (contact == null) {
                return contactForm(existing.get(), form, model);
            }
            profiles.updateContact(me.subject(), contact.contactName(), contact.phone());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/profile";
        }
        // A face-verified person's name and ID come from the login, never from the posted form.
        VerifiedIdentity verified = kind == ApplicantKind.verified ? VerifiedIdentity.of(user, idNumbers) : null;
        NewProfile profile = ProfileValidation.newProfile(kind, me.subject(), verified, form, errors);
        if (profile == null) {
            return newForm(me, user, form, model);
        }
        profiles.create(profile);
        return "redirect:/";
    }

    private String newForm(CurrentUser me, OidcUser user, ProfileForm form, Model model) {
        ApplicantKind kind = ApplicantKind.of(me);
        model.addAttribute(FORM, form);
        model.addAttribute("kind", kind.name());
        model.addAttribute("verified", kind == ApplicantKind.verified ? VerifiedIdentity.of(user, idNumbers) : null);
        model.addAttribute("consentTextKey", Consent.currentTextKey());
        model.addAttribute("consentVersion", Consent.CURRENT_VERSION);
        return "profile/form";
    }

    private static String contactForm(ApplicantProfile profile, ProfileForm form, Model model) {
        model.addAttribute(FORM, form);
        model.addAttribute("profile", profile);
        return "profile/contact";
    }

    private static void refuseStaff(CurrentUser me) {
        // Reviewers and auditors act for the bureau and never apply: they have no real-name record here.
        if (me.isStaff()) {
            throw PortalProblem.notFound("profile.not-found");
        }
    }
}
