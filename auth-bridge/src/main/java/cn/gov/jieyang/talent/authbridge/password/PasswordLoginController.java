package cn.gov.jieyang.talent.authbridge.password;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The account-and-password door: checks Keycloak answers before sending the browser there, so a
 * Keycloak outage is a clear page ("use face login") rather than a browser connection error.
 */
@Controller
class PasswordLoginController {

    private static final Logger log = LoggerFactory.getLogger(PasswordLoginController.class);

    private final KeycloakProperties keycloak;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    PasswordLoginController(KeycloakProperties keycloak) {
        this.keycloak = keycloak;
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
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(
                            URI.create(keycloak.issuer() + "/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (Exception e) {
            log.warn("Keycloak at {} does not answer: {}", keycloak.baseUrl(), e.toString());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }
}
