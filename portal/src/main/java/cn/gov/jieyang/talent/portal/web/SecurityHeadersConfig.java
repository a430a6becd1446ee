package cn.gov.jieyang.talent.portal.web;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The headers of every portal response. Spring Security 7 applies each
 * {@code Customizer<HeadersConfigurer<HttpSecurity>>} bean to every {@link HttpSecurity} it hands to a
 * chain, so the login module's chain gets this without naming it. On top of Spring Security's defaults
 * (nosniff, X-Frame-Options DENY, no-cache, HSTS over HTTPS):
 * <ul>
 *   <li>a Content-Security-Policy without inline script or style: the templates have none (scripts are
 *       /js/*.js, styles /css/*.css), so an injected {@code <script>} or {@code onclick} would not run;</li>
 *   <li>{@code Referrer-Policy: same-origin}: the portal's own pages see where a person came from, but
 *       the bridge and the other bureaus' sites a matter links to learn nothing, not even which
 *       application (its id is in the path) the person was looking at.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SecurityHeadersConfig {

    /**
     * The policy's {@code form-action}: Chrome applies it to every redirect that follows a form
     * submission, and two of the portal's forms are answered with redirects away from it — logout to the
     * bridge's end-session endpoint, and the submit form of a password login to the bridge for the face
     * check, which on a phone sends the browser straight on to 粤信签 ({@code portal.headers.form-action-origins}).
     *
     * @param bridge             the bridge's base URL
     * @param formActionOrigins  the origins beyond the bridge that those redirects reach
     * @return the customizer
     */
    @Bean
    Customizer<HeadersConfigurer<HttpSecurity>> securityHeaders(@Value("${portal.bridge.base-url}") String bridge,
            @Value("${portal.headers.form-action-origins:}") List<String> formActionOrigins) {
        String formAction = Stream.concat(Stream.of(bridge), formActionOrigins.stream())
                .filter(s -> !s.isBlank()).map(SecurityHeadersConfig::origin).distinct()
                .collect(Collectors.joining(" ", "'self' ", ""));
        String policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action " + formAction;
        return headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(policy))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
    }

    /** scheme://host[:port] of a URL, as CSP source expressions name an origin. */
    static String origin(String url) {
        URI uri = URI.create(url.trim());
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
