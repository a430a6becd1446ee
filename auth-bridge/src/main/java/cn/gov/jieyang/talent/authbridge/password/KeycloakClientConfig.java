package cn.gov.jieyang.talent.authbridge.password;

import cn.gov.jieyang.talent.authbridge.session.Sessions;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;

/**
 * The bridge as Keycloak's OIDC client. Endpoints are written out rather than discovered, so the
 * bridge starts (and the face door works) while Keycloak is down; the issuer is still checked in
 * every ID token. PKCE is used although the client is confidential, as the realm requires.
 */
@Configuration(proxyBeanMethods = false)
class KeycloakClientConfig {

    static final String REGISTRATION_ID = "keycloak";

    @Bean
    ClientRegistrationRepository clientRegistrationRepository(KeycloakProperties keycloak) {
        String oidc = keycloak.issuer() + "/protocol/openid-connect";
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientId(keycloak.clientId())
                .clientSecret(keycloak.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .authorizationUri(oidc + "/auth")
                .tokenUri(oidc + "/token")
                .jwkSetUri(oidc + "/certs")
                .userInfoUri(oidc + "/userinfo")
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .issuerUri(keycloak.issuer())
                .clientName("Keycloak")
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    /**
     * Spring Security's authorization request to Keycloak plus {@code ui_locales}: Keycloak's login
     * page speaks the language the person uses on the bridge's pages (their choice or their browser's).
     */
    @Bean
    OAuth2AuthorizationRequestResolver keycloakAuthorizationRequests(ClientRegistrationRepository clients,
                                                                    LocaleResolver locales) {
        DefaultOAuth2AuthorizationRequestResolver base =
                new DefaultOAuth2AuthorizationRequestResolver(clients, "/oauth2/authorization");
        return new OAuth2AuthorizationRequestResolver() {
            @Override
            public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
                return withLanguage(base.resolve(request), request);
            }

            @Override
            public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String registrationId) {
                return withLanguage(base.resolve(request, registrationId), request);
            }

            private OAuth2AuthorizationRequest withLanguage(OAuth2AuthorizationRequest r, HttpServletRequest request) {
                if (r == null) {
                    return null;
                }
                String tag = Sessions.languageTag(locales.resolveLocale(request));
                // from() keeps the URI already built, so the parameter goes into it as well.
                return OAuth2AuthorizationRequest.from(r)
                        .additionalParameters(p -> p.put("ui_locales", tag))
                        .authorizationRequestUri(UriComponentsBuilder.fromUriString(r.getAuthorizationRequestUri())
                                .queryParam("ui_locales", tag).build(true).toUriString())
                        .build();
            }
        };
    }
}
