package cn.gov.jieyang.talent.authbridge.web;

import cn.gov.jieyang.talent.authbridge.face.YuexinqianProperties;
import java.net.URI;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The headers of every bridge response, in one place for both security chains: Spring Security 7 applies
 * each {@code Customizer<HeadersConfigurer<HttpSecurity>>} bean to every {@link HttpSecurity} it hands
 * to a chain, so the OIDC endpoints' chain and the pages' chain get this without naming it. On top of
 * Spring Security's defaults (nosniff, X-Frame-Options DENY, no-cache, HSTS over HTTPS):
 * <ul>
 *   <li>a Content-Security-Policy without inline script or style: the templates have none (the QR code
 *       is inline SVG markup, the desktop page's script is /js/face-wait.js), so an injected
 *       {@code <script>} or {@code onclick} would not run;</li>
 *   <li>{@code Referrer-Policy: no-referrer}: the bridge's URLs carry authorization codes, state, nonces
 *       and transaction ids, which must not reach 粤信签, Keycloak or a relying party in a Referer.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SecurityHeadersConfig {

    @Bean
    Customizer<HeadersConfigurer<HttpSecurity>> securityHeaders(YuexinqianProperties yuexinqian) {
        String policy = policy(origin(yuexinqian.baseUrl()));
        return headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(policy))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER));
    }

    /** First of all filters, so every cookie set later in the request (Spring Security's too) passes it. */
    @Bean
    FilterRegistrationBean<SecureCookiesOverHttps> secureCookiesOverHttps() {
        FilterRegistrationBean<SecureCookiesOverHttps> registration =
                new FilterRegistrationBean<>(new SecureCookiesOverHttps());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * The policy. {@code form-action} lists 粤信签 besides the bridge: Chrome applies it to every redirect
     * that follows a form submission, and the phone's number form (face-phone.html) is answered with a
     * redirect to 粤信签's authorize page. No other form of the bridge leaves it (logout returns to
     * /login; Keycloak's login form is Keycloak's page, under Keycloak's policy). {@code img-src data:}
     * is for small inline images only; the QR code needs none.
     */
    static String policy(String yuexinqianOrigin) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
                + "base-uri 'none'; frame-ancestors 'none'; form-action 'self' " + yuexinqianOrigin;
    }

    /** scheme://host[:port] of a base URL, as CSP source expressions name an origin. */
    static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
