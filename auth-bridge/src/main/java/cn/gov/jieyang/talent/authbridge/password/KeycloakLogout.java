package cn.gov.jieyang.talent.authbridge.password;

import cn.gov.jieyang.talent.authbridge.session.SessionEnded;
import cn.gov.jieyang.talent.authbridge.session.Sessions;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a password session ends, Keycloak's session behind it ends too, server to server: Keycloak's
 * logout endpoint with the login's refresh token, authenticated as the bridge's client. Otherwise
 * Keycloak's own cookie would sign the next person at a shared computer straight back in as the
 * previous one, no password asked. Done before the browser is answered (a logout is rare and
 * Keycloak is near), with a short timeout; if Keycloak cannot be reached the bridge session still
 * ends and an operator sees why.
 */
@Component
class KeycloakLogout {

    private static final Logger log = LoggerFactory.getLogger(KeycloakLogout.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Sessions sessions;
    private final KeycloakProperties keycloak;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    KeycloakLogout(Sessions sessions, KeycloakProperties keycloak) {
        this.sessions = sessions;
        this.keycloak = keycloak;
    }

    @EventListener
    void on(SessionEnded ended) {
        if (!ended.why().endsEverywhere()) {
            return;
        }
        sessions.takeUpstreamRefreshToken(ended.sid()).ifPresent(refreshToken -> endKeycloakSession(ended, refreshToken));
    }

    private void endKeycloakSession(SessionEnded ended, String refreshToken) {
        String credentials = URLEncoder.encode(keycloak.clientId(), StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(keycloak.clientSecret(), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloak.issuer() + "/protocol/openid-connect/logout"))
                .timeout(TIMEOUT)
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "refresh_token=" + URLEncoder.encode(refreshToken, StandardCharsets.US_ASCII)))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                log.info("keycloak session ended with sid={}", ended.sid());
            } else {
                // 400 invalid_grant: Keycloak's session had already ended (idle or max lifetime).
                log.warn("keycloak refused to end the session of sid={}: status {}", ended.sid(),
                        response.statusCode());
            }
        } catch (IOException e) {
            log.warn("keycloak unreachable, its session behind sid={} was not ended: {}", ended.sid(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
