package cn.gov.jieyang.talent.portal.login;

import cn.gov.jieyang.talent.portal.identity.IdNumberProtector;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.endpoint.NimbusJwtClientAuthenticationParametersConverter;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The portal logs people in only through the auth-bridge: OpenID Connect authorization code with
 * PKCE, the code exchanged with a {@code private_key_jwt} assertion (no client secret; the key is the
 * {@link ClientKey}), ES256 ID tokens checked against the bridge's JWKS and issuer, a server-side session in
 * PostgreSQL (Spring Session JDBC), logout that ends the bridge session too, and back-channel logout
 * by which the bridge ends the portal session when the person logged out elsewhere. Everything but
 * the health check needs a login.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BridgeClientProperties.class)
class LoginConfig {

    static final String REGISTRATION_ID = "auth-bridge";

    /** The applicant's pages (drafts, submissions, 我的事项, the real-name record). */
    static final String[] APPLICANT_PAGES = {"/applications/**", "/matters/**", "/profile/**"};

    /** An applicant's role and no staff role (someone holding both is treated as staff: deny by default). */
    static final AuthorizationManager<RequestAuthorizationContext> APPLICANTS_ONLY = AuthorizationManagers.allOf(
            AuthorityAuthorizationManager.hasAnyRole("INDIVIDUAL", "ENTERPRISE"),
            AuthorizationManagers.not(AuthorityAuthorizationManager.hasAnyRole(CurrentUser.STAFF_ROLES.stream()
                    .map(r -> r.toUpperCase(Locale.ROOT)).toArray(String[]::new))));

    @Bean
    SecurityFilterChain portalChain(HttpSecurity http, ClientRegistrationRepository clients,
            IdNumberProtector idNumbers, LocaleResolver locales, ClientKey clientKey) throws Exception {
        OidcClientInitiatedLogoutSuccessHandler logout = new OidcClientInitiatedLogoutSuccessHandler(clients);
        logout.setPostLogoutRedirectUri("{baseUrl}/");
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/css/**", "/js/**", "/error", "/favicon.ico").permitAll()
                        .requestMatchers(HttpMethod.POST, BackChannelLogoutController.PATH).permitAll()
                        // The bridge reads the public key of the portal's client assertions here.
                        .requestMatchers(HttpMethod.GET, ClientKeyController.PATH).permitAll()
                        // Staff pages by role from the bridge's signed ID token; everything else needs a login.
                        .requestMatchers("/review/**").hasRole("REVIEWER")
                        .requestMatchers("/audit/**").hasRole("AUDITOR")
                        // Staff download packages through the one audited route (the submission feature
                        // decides who may: the owner or staff).
                        .requestMatchers(HttpMethod.GET, "/applications/*/packages/*").authenticated()
                        // The applicant's pages are for applicants only: staff have no real-name record,
                        // and would only dead-end there.
                        .requestMatchers(APPLICANT_PAGES).access(APPLICANTS_ONLY)
                        .anyRequest().authenticated())
                .oauth2Login(o -> o.loginPage("/oauth2/authorization/" + REGISTRATION_ID)
                        .authorizationEndpoint(e -> e.authorizationRequestResolver(new AuthorizationRequests(clients, locales)))
                        .tokenEndpoint(t -> t.accessTokenResponseClient(tokenResponseClient(clientKey)))
                        .successHandler(new LanguageFromLogin(locales))
                        .userInfoEndpoint(u -> u.oidcUserService(new SealingOidcUserService(idNumbers))
                                .userAuthoritiesMapper(LoginConfig::rolesFromIdToken)))
                .logout(l -> l.logoutSuccessHandler(logout))
                // The bridge's server-to-server call, authenticated by its signed logout token.
                .csrf(c -> c.ignoringRequestMatchers(BackChannelLogoutController.PATH));
        return http.build();
    }

    /**
     * Adds {@code ROLE_REVIEWER}, {@code ROLE_AUDITOR}, ... for the bridge's {@code roles} claim. Only the
     * ID token's claims count (it is signed); the roles come from Keycloak through the bridge.
     */
    static Collection<? extends GrantedAuthority> rolesFromIdToken(Collection<? extends GrantedAuthority> granted) {
        Set<GrantedAuthority> mapped = new HashSet<>(granted);
        for (GrantedAuthority authority : granted) {
            if (authority instanceof OidcUserAuthority oidc) {
                List<String> roles = oidc.getIdToken().getClaimAsStringList("roles");
                if (roles != null) {
                    roles.forEach(r -> mapped.add(new SimpleGrantedAuthority("ROLE_" + r.toUpperCase(Locale.ROOT))));
                }
            }
        }
        return mapped;
    }

    /**
     * The code exchange, authenticated by {@code private_key_jwt} (RFC 7523): a one-minute ES256
     * assertion (iss = sub = client id, aud = the token endpoint, a fresh jti) signed with the
     * {@link ClientKey}, instead of a shared secret.
     */
    static RestClientAuthorizationCodeTokenResponseClient tokenResponseClient(ClientKey clientKey) {
        RestClientAuthorizationCodeTokenResponseClient client = new RestClientAuthorizationCodeTokenResponseClient();
        client.addParametersConverter(new NimbusJwtClientAuthenticationParametersConverter<>(registration ->
                REGISTRATION_ID.equals(registration.getRegistrationId()) ? clientKey.signingKey() : null));
        return client;
    }

    /** Endpoints written out, so the portal starts while the bridge is still starting. No client secret. */
    @Bean
    ClientRegistrationRepository clientRegistrationRepository(BridgeClientProperties bridge) {
        String base = bridge.baseUrl();
        return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientId(bridge.clientId())
                .clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "realname")
                .authorizationUri(base + "/oauth2/authorize")
                .tokenUri(base + "/oauth2/token")
                .jwkSetUri(base + "/jwks")
                .userInfoUri(base + "/userinfo")
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .issuerUri(base)
                .providerConfigurationMetadata(Map.of("end_session_endpoint", base + "/connect/logout"))
                .clientName("揭阳智慧人社统一登录")
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                .build());
    }

    /** The bridge signs ID tokens with ES256 (Spring's default expectation is RS256). */
    @Bean
    OidcIdTokenDecoderFactory idTokenDecoderFactory() {
        OidcIdTokenDecoderFactory factory = new OidcIdTokenDecoderFactory();
        factory.setJwsAlgorithmResolver(registration -> SignatureAlgorithm.ES256);
        return factory;
    }
}
