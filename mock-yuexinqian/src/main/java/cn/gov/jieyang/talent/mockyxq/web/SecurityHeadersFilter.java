package cn.gov.jieyang.talent.mockyxq.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Headers a consent page needs even in a mock, so the stack behaves like the real thing in a
 * browser: no framing (a consent button must not be clickjacked), no Referer (the URLs carry
 * state, nonce and txn), no caching of pages that show a person's data.
 *
 * <p>No {@code form-action} in the policy: browsers apply it to the redirect after the face-check
 * form, which goes to the relying app on another origin.
 */
@Component
class SecurityHeadersFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy",
                "default-src 'none'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'");
        String path = request.getRequestURI();
        if (path.equals("/authorize") || path.startsWith("/flow/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}
