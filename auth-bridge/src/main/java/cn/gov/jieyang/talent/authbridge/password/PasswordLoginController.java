package cn.gov.jieyang.talent.authbridge.password;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The account-and-password door: checks Keycloak answers before sending the browser there, so a
 * Keycloak outage is a clear page ("use face login") rather than a browser connection error. A good
 * answer is remembered for 30 seconds, so a login costs no discovery request (it cost one on every
 * {@code /login/password} before); a bad one is not remembered, so recovery is noticed at once.
 */
@Controller
class PasswordLoginController {

    private static final Logger log = LoggerFactory.getLogger(PasswordLoginController.class);

    private static final Duration REMEMBER = Duration.ofSeconds(30);

    private final KeycloakProperties keycloak;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile Instant answeredUntil = Instant.EPOCH;

    PasswordLoginController(KeycloakProperties keycloak, Clock clock) {
        this.keycloak = keycloak;
        this.clock = clock;
    }

    @GetMapping("/login/password")
    String start(Model model, jakarta.servlet.http.HttpServletResponse response) {
        if (keycloakAnswers()) {
            return "redirect:/oauth2/authorization/" + KeycloakClientConfig.REGISTRATION_ID;
        }
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        model.addAttribute("messageKey", "password.unavailable");
        return "face-result";
    }

    private boolean keycloakAnswers() {
        if (clock.instant().isBefore(answeredUntil)) {
            return true;
        }
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(
                            URI.create(keycloak.issuer() + "/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() == 200) {
                answeredUntil = clock.instant().plus(REMEMBER);
                return true;
            }
            log.warn("Keycloak at {} answers {} on its discovery document", keycloak.baseUrl(), r.statusCode());
            return false;
        } catch (Exception e) {
            log.warn("Keycloak at {} does not answer: {}", keycloak.baseUrl(), e.toString());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }
}
