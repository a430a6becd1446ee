package cn.gov.jieyang.talent.authbridge.oidc;

import cn.gov.jieyang.talent.authbridge.keys.BridgeKeys;
import cn.gov.jieyang.talent.authbridge.session.SessionCookieSecurityContextRepository;
import cn.gov.jieyang.talent.authbridge.session.SessionProperties;
import cn.gov.jieyang.talent.authbridge.session.Acr;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.web.OAuth2AuthorizationEndpointFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The OpenID Connect provider (Spring Authorization Server): discovery, authorize (code + PKCE S256,
 * exact redirect URIs), token (clients authenticated by {@code private_key_jwt} or
 * {@code client_secret_basic}), JWKS, userinfo, introspection and RP-initiated logout; back-channel
 * logout to relying parties when a session ends ({@link SessionEndRevocation}). The logged-in user comes from
 * the bridge's session cookie; codes and tokens are persisted in PostgreSQL so any instance can
 * finish what another began.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LogoutProperties.class)
class AuthorizationServerConfig {

    /**
     * {@code prompt=none} asks for an answer without any page. Such a request must reach the
     * authorization endpoint even without a session, so that Spring Authorization Server answers the
     * relying party {@code login_required} (instead of this chain sending the browser to the login page).
     */
    /** The client authentication methods discovery advertises: the two a relying party is registered with. */
    static final List<String> CLIENT_AUTHENTICATION_METHODS = List.of("client_secret_basic", "private_key_jwt");

    static final RequestMatcher PROMPT_NONE = request -> "/oauth2/authorize".equals(request.getServletPath())
            && request.getParameter("prompt") != null
            && Arrays.asList(request.getParameter("prompt").split(" ")).contains("none");

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http, SessionCookieSecurityContextRepository sessions,
                                                 ClaimsFromSession claims, StepUpFilter stepUp,
                                                 BridgeLogoutHandler logout,
                                                 ClientAssertionDecoders assertions) throws Exception {
        OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
        // No HTTP session, ever: the authorize endpoint would otherwise create one to register it,
        // and logout would then compare the ID token's sid (ours) with that session's hash.
        server.withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationEndpointFilter>() {
            @Override
            public <O extends OAuth2AuthorizationEndpointFilter> O postProcess(O filter) {
                filter.setSessionAuthenticationStrategy((authentication, request, response) -> { });
                return filter;
            }
        });
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, as -> as
                        .clientAuthentication(c -> c.authenticationProviders(providers -> providers.forEach(p -> {
                            // client_secret_basic: a fast hash; private_key_jwt: cached keys, one use per jti.
                            if (p instanceof ClientSecretAuthenticationProvider secrets) {
                                secrets.setPasswordEncoder(new ClientSecretCheck());
                            } else if (p instanceof JwtClientAssertionAuthenticationProvider jwts) {
                                jwts.setJwtDecoderFactory(assertions);
                            }
                        })))
                        .authorizationEndpoint(endpoint -> endpoint.authenticationProviders(providers -> providers
                                .stream()
                                .filter(OAuth2AuthorizationCodeRequestAuthenticationProvider.class::isInstance)
                                .map(OAuth2AuthorizationCodeRequestAuthenticationProvider.class::cast)
                                .forEach(p -> p.setAuthenticationValidator(new ExactRedirectUriValidator()))))
                        .oidc(oidc -> oidc
                                .providerConfigurationEndpoint(p -> p.providerConfigurationCustomizer(c -> c
                                        .idTokenSigningAlgorithms(algs -> {
                                            algs.clear();
                                            algs.add("ES256");
                                        })
                                        // What relying parties are registered with (README, "Relying
                                        // parties"), not every method the library could do: an outside
                                        // client picking tls_client_auth from the list would only fail.
                                        .tokenEndpointAuthenticationMethods(methods -> {
                                            methods.clear();
                                            methods.addAll(CLIENT_AUTHENTICATION_METHODS);
                                        })
                                        .claim("acr_values_supported", List.of(Acr.FACE_VERIFIED, Acr.PASSWORD))
                                        .claim("backchannel_logout_supported", true)
                                        .claim("backchannel_logout_session_supported", true)))
                                .userInfoEndpoint(userInfo -> userInfo.userInfoMapper(claims::userInfo))
                                .logoutEndpoint(l -> l.logoutResponseHandler(logout).errorResponseHandler(logout))))
                .authorizeHttpRequests(a -> a.requestMatchers(PROMPT_NONE).permitAll().anyRequest().authenticated())
                .securityContext(c -> c.securityContextRepository(sessions))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(r -> r.requestCache(new CookieRequestCache()))
                .oauth2ResourceServer(rs -> rs.jwt(jwt -> { }))
                .addFilterAfter(stepUp, org.springframework.security.web.context.SecurityContextHolderFilter.class)
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(SessionProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer()).jwkSetEndpoint("/jwks").build();
    }

    @Bean
    OAuth2AuthorizationService authorizationService(JdbcClient jdbc, RegisteredClientRepository clients) {
        return new LeanAuthorizationService(jdbc, clients);
    }

    /** Access tokens presented to userinfo: ES256 with one of our keys, our issuer, not expired. */
    @Bean
    JwtDecoder jwtDecoder(BridgeKeys keys, SessionProperties properties) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, keys));
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.issuer()));
        return decoder;
    }
}
