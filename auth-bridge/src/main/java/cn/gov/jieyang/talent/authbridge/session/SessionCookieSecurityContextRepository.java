package cn.gov.jieyang.talent.authbridge.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Spring Security's view of a bridge session: the signed cookie, checked against the session store
 * on every request, becomes an authenticated principal whose name is the session id. Nothing is kept
 * in server memory, so any bridge instance can serve any request.
 *
 * <p>The principal is deliberately a plain {@link UsernamePasswordAuthenticationToken} holding the
 * sid: Spring Authorization Server persists it with each authorization, and only such standard types
 * are on its deserialisation allow-list. Claims for tokens are read from the session store by sid.
 * Saving is a no-op: only {@link Sessions#establish} writes the cookie.
 */
@Component
public class SessionCookieSecurityContextRepository implements SecurityContextRepository {

    private final Sessions sessions;

    SessionCookieSecurityContextRepository(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        return new DeferredSecurityContext() {
            private SecurityContext context;

            @Override
            public SecurityContext get() {
                if (context == null) {
                    context = load(request);
                }
                return context;
            }

            @Override
            public boolean isGenerated() {
                return get().getAuthentication() == null;
            }
        };
    }

    @Override
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return load(holder.getRequest());
    }

    private SecurityContext load(HttpServletRequest request) {
        return sessions.current(request).map(s -> {
            List<GrantedAuthority> authorities = new ArrayList<>();
            s.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r)));
            // The factor and when it was proven: Spring Authorization Server derives auth_time from it.
            authorities.add(FactorGrantedAuthority.withFactor(s.isFaceVerified() ? "FACE" : "PASSWORD")
                    .issuedAt(s.authTime()).build());
            SecurityContext c = new SecurityContextImpl(
                    UsernamePasswordAuthenticationToken.authenticated(s.sid(), null, authorities));
            return c;
        }).orElseGet(SecurityContextHolder::createEmptyContext);
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        // Sessions.establish writes the cookie; a context on its own carries nothing to save.
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return sessions.cookieValue(request).isPresent();
    }
}
