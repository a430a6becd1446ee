package cn.gov.jieyang.talent.portal.home;

import cn.gov.jieyang.talent.portal.login.CurrentUser;
import cn.gov.jieyang.talent.portal.profile.Profiles;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The portal's home after login: who you are, how strongly that was proven, and the real-name record
 * (applicants only reach this page once they have one, see the profile package's gate).
 */
@Controller
class HomeController {


    private final Profiles profiles;

    HomeController(Profiles profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal OidcUser user, Model model) {
        model.addAttribute("name", user.getFullName() != null ? user.getFullName() : user.getClaimAsString("name"));
        model.addAttribute("faceVerified", CurrentUser.FACE_VERIFIED_ACR.equals(user.getClaimAsString("acr")));
        model.addAttribute("subjectType", user.getClaimAsString("subject_type"));
        model.addAttribute("idNumberMasked", user.getClaimAsString("id_number_masked"));
        model.addAttribute("profile", profiles.find(user.getSubject()).orElse(null));
        return "home";
    }
}
