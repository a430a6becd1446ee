package cn.gov.jieyang.talent.portal.profile;

import cn.gov.jieyang.talent.portal.login.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Sends a logged-in applicant who has no real-name record yet to {@code /profile} before any other page:
 * every application needs one. Staff are never sent there, nor is anyone not logged in (Spring
 * Security has dealt with those already). The paths left open are listed in {@link ProfileWebConfig}.
 */
class ProfileGate implements HandlerInterceptor {

    private final Profiles profiles;

    ProfileGate(Profiles profiles) {
        this.profiles = profiles;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof OidcUser user)) {
            return true;
        }
        CurrentUser me = CurrentUser.of(user);
        if (me.isStaff() || profiles.exists(me.subject())) {
            return true;
        }
        response.sendRedirect(request.getContextPath() + "/profile");
        return false;
    }
}
