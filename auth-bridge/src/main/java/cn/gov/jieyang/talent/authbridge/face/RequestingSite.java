package cn.gov.jieyang.talent.authbridge.face;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import cn.gov.jieyang.talent.authbridge.session.RequestedClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.stereotype.Component;

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
        RegisteredClient client = RequestedClient.of(requestCache.getRequest(request, response), clients);
        return client == null ? null : client.getClientName();
    }

    /** The client's id, for the audit trail; null when the person came to the bridge directly. */
    String clientId(HttpServletRequest request, HttpServletResponse response) {
        return RequestedClient.idOf(requestCache.getRequest(request, response), clients);
    }
}
