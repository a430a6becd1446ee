package cn.gov.jieyang.talent.authbridge.face;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The name of the site a person is signing in to: the registered client of the authorization request
 * that sent them to the login page. Shown on the phone of a desktop login, so that a person who did not
 * ask to sign in anywhere — or not there — can see it and stop.
 */
@Component
class RequestingSite {

    private final RegisteredClientRepository clients;
    private final CookieRequestCache requestCache = new CookieRequestCache();

    RequestingSite(RegisteredClientRepository clients) {
        this.clients = clients;
    }

    /** The client's registered name, or null when the person came to the bridge directly. */
    String of(HttpServletRequest request, HttpServletResponse response) {
        SavedRequest saved = requestCache.getRequest(request, response);
        if (saved == null) {
            return null;
        }
        String clientId = UriComponentsBuilder.fromUriString(saved.getRedirectUrl()).build().getQueryParams()
                .getFirst("client_id");
        if (clientId == null) {
            return null;
        }
        RegisteredClient client = clients.findByClientId(URLDecoder.decode(clientId, StandardCharsets.UTF_8));
        return client == null ? null : client.getClientName();
    }
}
