package cn.gov.jieyang.talent.authbridge.session;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The relying party a login is for: the registered client of the authorization request that sent the
 * person to the login page (kept by Spring Security's request cache, a cookie the browser could have
 * changed — so only a client that is registered counts).
 */
public final class RequestedClient {

    private RequestedClient() {
    }

    /**
     * The registered client the saved authorization request names.
     *
     * @param saved   the saved request, or null when the person came to the bridge directly
     * @param clients the registered clients
     * @return the client, or null
     */
    public static RegisteredClient of(SavedRequest saved, RegisteredClientRepository clients) {
        if (saved == null) {
            return null;
        }
        String clientId = UriComponentsBuilder.fromUriString(saved.getRedirectUrl()).build().getQueryParams()
                .getFirst("client_id");
        return clientId == null ? null : clients.findByClientId(URLDecoder.decode(clientId, StandardCharsets.UTF_8));
    }

    /**
     * As {@link #of}, its client id.
     *
     * @param saved   the saved request, or null
     * @param clients the registered clients
     * @return the client id, or null
     */
    public static String idOf(SavedRequest saved, RegisteredClientRepository clients) {
        RegisteredClient client = of(saved, clients);
        return client == null ? null : client.getClientId();
    }
}
