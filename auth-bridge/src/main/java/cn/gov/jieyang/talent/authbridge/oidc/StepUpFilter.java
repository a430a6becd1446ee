package cn.gov.jieyang.talent.authbridge.oidc;

import cn.gov.jieyang.talent.authbridge.session.Acr;
import cn.gov.jieyang.talent.authbridge.session.Sessions;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Step-up: when a relying party asks for face verification ({@code acr_values} containing
 * {@link Acr#FACE_VERIFIED}) and the person's session is only a password session, the authorization
 * request is parked and the person is sent through the 粤信签 face door first; the request resumes
 * afterwards with a face-verified session. No code is issued on the weaker session.
 */
@Component
class StepUpFilter extends OncePerRequestFilter {

    private final Sessions sessions;
    private final CookieRequestCache requestCache = new CookieRequestCache();

    StepUpFilter(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"/oauth2/authorize".equals(request.getServletPath());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String acrValues = request.getParameter("acr_values");
        boolean wantsFace = acrValues != null && Arrays.asList(acrValues.split(" ")).contains(Acr.FACE_VERIFIED);
        if (wantsFace && sessions.current(request).filter(s -> !s.isFaceVerified()).isPresent()) {
            if (AuthorizationServerConfig.PROMPT_NONE.matches(request)) {
                // No page may be shown, and the session is too weak: the request goes on as if no
                // one were logged in, and the authorization server answers login_required.
                SecurityContextHolder.setContext(SecurityContextHolder.createEmptyContext());
                chain.doFilter(request, response);
                return;
            }
            requestCache.saveRequest(request, response);
            response.sendRedirect(request.getContextPath() + "/login/yuexinqian?step_up=1");
            return;
        }
        chain.doFilter(request, response);
    }
}
