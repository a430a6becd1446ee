package cn.gov.jieyang.talent.authbridge.web;

import cn.gov.jieyang.talent.authbridge.session.BridgeSession;
import cn.gov.jieyang.talent.authbridge.session.Sessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The login page, the "who am I" page with the decoded session claims, and local logout. */
@Controller
class HomeController {

    private final Sessions sessions;

    HomeController(Sessions sessions) {
        this.sessions = sessions;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(HttpServletRequest request, Model model) {
        Optional<BridgeSession> session = sessions.current(request);
        if (session.isEmpty()) {
            return "redirect:/login";
        }
        model.addAttribute("bridgeSession", session.get());
        model.addAttribute("claims", session.get().identityClaims());
        return "home";
    }

    @PostMapping("/logout")
    String logout(HttpServletRequest request, HttpServletResponse response) {
        sessions.current(request).ifPresent(s -> sessions.logOut(s.sid(), response));
        return "redirect:/login?logged_out";
    }
}
