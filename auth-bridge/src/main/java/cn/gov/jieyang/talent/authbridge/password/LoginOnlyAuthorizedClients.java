package cn.gov.jieyang.talent.authbridge.password;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.stereotype.Component;

/**
 * Keycloak's tokens for a login live only as long as the request that finishes it: the success
 * handler takes the refresh token (sealed into the bridge session, to end Keycloak's session at
 * logout) and the rest is dropped. Spring's default would keep every login's tokens in memory, for
 * nothing: the bridge never calls Keycloak's APIs on a person's behalf.
 */
@Component
class LoginOnlyAuthorizedClients implements OAuth2AuthorizedClientRepository {

    private static final String ATTRIBUTE = LoginOnlyAuthorizedClients.class.getName();

    @Override
    @SuppressWarnings("unchecked")
    public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String registrationId, Authentication principal,
                                                                     HttpServletRequest request) {
        Object client = request.getAttribute(ATTRIBUTE);
        return client instanceof OAuth2AuthorizedClient c
                && c.getClientRegistration().getRegistrationId().equals(registrationId) ? (T) c : null;
    }

    @Override
    public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal,
                                     HttpServletRequest request, HttpServletResponse response) {
        request.setAttribute(ATTRIBUTE, client);
    }

    @Override
    public void removeAuthorizedClient(String registrationId, Authentication principal, HttpServletRequest request,
                                       HttpServletResponse response) {
        request.removeAttribute(ATTRIBUTE);
    }
}
