package cn.gov.jieyang.talent.authbridge.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Answers 429 with {@code Retry-After} once a caller has used up its bucket, before security, before
 * any database row, signature check or password hash. Runs ahead of Spring Security (see
 * {@link RateLimitConfig}) so that even a request that would be refused costs only this.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    /** A client id longer than this is not one of ours; it is counted under one shared key. */
    private static final int MAX_CLIENT_ID = 64;

    private enum Rule { TOKEN, CALLBACK, LOGIN }

    private final RateLimitProperties limits;
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final Cache<String, TokenBucket> buckets;

    RateLimitFilter(RateLimitProperties limits, MessageSource messages, LocaleResolver locales) {
        this.limits = limits;
        this.messages = messages;
        this.locales = locales;
        // Bounded and forgetting: a flood of distinct addresses cannot grow this without limit.
        this.buckets = Caffeine.newBuilder().maximumSize(limits.trackedCallers())
                .expireAfterAccess(Duration.ofMinutes(2)).build();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Rule rule = ruleFor(request.getRequestURI());
        if (rule == null || !limits.enabled()) {
            chain.doFilter(request, response);
            return;
        }
        String key = rule + ":" + (rule == Rule.TOKEN ? "client:" + clientId(request) : request.getRemoteAddr());
        long now = System.nanoTime();
        long wait = buckets.get(key, k -> newBucket(rule, now)).take(now);
        if (wait == 0) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, Duration.ofNanos(wait).toSeconds() + 1);
        log.debug("rate limit {} reached for {}; retry after {} s", rule, key, seconds);
        refuse(request, response, rule, seconds);
    }

    /**
     * Which requests count: those that write a row or call out (an authorization request, opening a face
     * transaction, polling it, the password door), not the static pages between them.
     */
    private static Rule ruleFor(String path) {
        return switch (path) {
            case "/oauth2/token", "/oauth2/introspect", "/oauth2/revoke" -> Rule.TOKEN;
            case "/callbacks/yuexinqian", "/internal/keycloak-events" -> Rule.CALLBACK;
            case "/oauth2/authorize", "/login/yuexinqian", "/login/yuexinqian/status", "/login/yuexinqian/phone",
                 "/login/password" -> Rule.LOGIN;
            default -> null;
        };
    }

    private TokenBucket newBucket(Rule rule, long now) {
        return switch (rule) {
            case TOKEN -> new TokenBucket(limits.tokenPerSecond(), limits.tokenBurst(), now);
            case CALLBACK -> new TokenBucket(limits.callbackPerSecond(), limits.callbackBurst(), now);
            case LOGIN -> new TokenBucket(limits.loginPerSecond(), limits.loginBurst(), now);
        };
    }

    /**
     * The client a token request claims to be (HTTP Basic user, else the {@code client_id} field), not
     * yet authenticated: a caller naming another client only spends that client's budget, which is why
     * the budget is far above one client's real need.
     */
    private static String clientId(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        String id = null;
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)
                && authorization.length() < 1024) {
            try {
                String pair = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                        StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                id = colon < 0 ? pair : pair.substring(0, colon);
            } catch (IllegalArgumentException notBase64) {
                id = null;
            }
        } else {
            id = request.getParameter("client_id");
        }
        return id == null || id.isEmpty() || id.length() > MAX_CLIENT_ID ? "(other)" : id;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Rule rule, long seconds)
            throws IOException {
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setHeader("Cache-Control", "no-store");
        if (rule == Rule.LOGIN) {
            Locale locale = locales.resolveLocale(request);
            String text = messages.getMessage("ratelimit.retry", new Object[] {seconds}, locale);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write(text);
        } else {
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"too_many_requests\",\"error_description\":\"retry after "
                    + seconds + " s\"}");
        }
    }
}
