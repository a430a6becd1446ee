package cn.gov.jieyang.talent.authbridge.web;

import cn.gov.jieyang.talent.authbridge.session.SessionCookieSecurityContextRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.savedrequest.CookieRequestCache;

/**
 * Everything that is not an OIDC protocol endpoint: the login doors, 粤信签's callback, the
 * session page, the audit export (role {@code auditor}). Deny by default; the session comes from the
 * signed cookie. 粤信签's callback is a
 * server-to-server POST authenticated by its JWS, so CSRF tokens do not apply to it.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfig {

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, SessionCookieSecurityContextRepository sessions,
                                 AuthenticationSuccessHandler keycloakLoginSuccessHandler,
                                 AuthenticationFailureHandler keycloakLoginFailureHandler,
                                 OAuth2AuthorizationRequestResolver keycloakAuthorizationRequests) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/login/**", "/callbacks/yuexinqian", "/internal/keycloak-events",
                                "/actuator/health",
                                "/css/**", "/js/**", "/error", "/favicon.ico", "/logout").permitAll()
                        // The audit export: an auditor's session only (the controller checks again).
                        .requestMatchers("/audit/**").hasRole("auditor")
                        .anyRequest().authenticated())
                // CSRF tokens in a cookie, not an HTTP session: the bridge keeps no server session
                // (only Keycloak's redirect round trip uses one briefly). A session here would also
                // be registered by the authorization server and clash with the ID token's sid.
                .csrf(c -> c.ignoringRequestMatchers("/callbacks/yuexinqian", "/internal/keycloak-events")
                        .csrfTokenRepository(new CookieCsrfTokenRepository()))
                .securityContext(c -> c.securityContextRepository(sessions))
                .requestCache(r -> r.requestCache(new CookieRequestCache()))
                .oauth2Login(o -> o.loginPage("/login").successHandler(keycloakLoginSuccessHandler)
                        .authorizationEndpoint(e -> e.authorizationRequestResolver(keycloakAuthorizationRequests))
                        .failureHandler(keycloakLoginFailureHandler))
                .logout(l -> l.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
        return http.build();
    }
}
