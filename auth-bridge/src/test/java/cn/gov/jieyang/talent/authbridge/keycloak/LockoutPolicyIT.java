package cn.gov.jieyang.talent.authbridge.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.testsupport.keycloak.KeycloakAdmin;
import cn.gov.jieyang.talent.testsupport.keycloak.KeycloakExtension;
import cn.gov.jieyang.talent.testsupport.keycloak.KeycloakLogin;
import cn.gov.jieyang.talent.testsupport.keycloak.KeycloakServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 9, findings 2 and 3: a stranger who knows a user name cannot keep that person out, and no client
 * of realm {@code jieyang} checks a password outside the login page (keycloak/README.md, "Brute-force
 * detection").
 */
@ExtendWith(KeycloakExtension.class)
class LockoutPolicyIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    static KeycloakServer keycloak;
    static String redirectUri;

    @BeforeAll
    static void keycloak(KeycloakServer server) {
        keycloak = server;
        redirectUri = ThisJvmsBridge.redirectUri(server);
    }

    @Test
    void quickWrongPasswordsFromAStrangerDoNotKeepThePersonOut() {
        String victim = KeycloakAdmin.uniqueUsername("victim");
        keycloak.admin().createUser(victim, "Right#2026", "individual");

        // A stranger types wrong passwords as fast as the form allows (solving each captcha): fewer than
        // failureFactor, so no wait at all, and no quick-login lock.
        for (int attempt = 1; attempt <= 9; attempt++) {
            KeycloakLogin.Page page = KeycloakLogin.start(keycloak, redirectUri, "en").signIn(victim, "Guess#" + attempt);
            assertThat(page.errorMessage()).as("attempt %d", attempt).contains("Invalid username or password.");
        }

        // The person, right away, with the right password (and the right captcha), gets in.
        KeycloakLogin.Page mine = KeycloakLogin.start(keycloak, redirectUri, "en").signIn(victim, "Right#2026");
        assertThat(mine.redirectsTo(redirectUri))
                .as("the person is let in: %s %s %s", mine.status(), mine.errorMessage(), mine.location()).isTrue();
    }

    @Test
    void evenPastTheFailureFactorThePersonWaitsSecondsNotMinutes() throws InterruptedException {
        KeycloakAdmin admin = keycloak.admin();
        String victim = KeycloakAdmin.uniqueUsername("victim-long");
        admin.createUser(victim, "Right#2026", "individual");
        for (int attempt = 1; attempt <= 12; attempt++) {
            KeycloakLogin.start(keycloak, redirectUri, "en").signIn(victim, "Guess#" + attempt);
        }
        // The lockout is on record (issue 10, item 5), in Keycloak's own event store: the bridge never
        // sees a wrong password, which is typed on Keycloak's page. Measured on main: no event at all.
        List<String> errors = new ArrayList<>();
        for (JsonNode event : admin.events(victim, "LOGIN_ERROR")) {
            errors.add(event.path("error").asString());
        }
        assertThat(errors).as("Keycloak's LOGIN_ERROR events of %s", victim)
                .contains("invalid_user_credentials", "user_temporarily_disabled");

        // The person tries every two seconds, as someone puzzled by a refusal might.
        Instant started = Instant.now();
        KeycloakLogin.Page mine;
        do {
            Thread.sleep(2_000);
            mine = KeycloakLogin.start(keycloak, redirectUri, "en").signIn(victim, "Right#2026");
        } while (!mine.redirectsTo(redirectUri) && Duration.between(started, Instant.now()).toSeconds() < 45);

        assertThat(mine.redirectsTo(redirectUri)).as("let in within 45 s: %s", mine.errorMessage()).isTrue();
        assertThat(admin.bruteForceStatus(victim).get("numFailures").asInt()).as("a success resets the count").isZero();
    }

    @Test
    void noClientOfTheRealmAcceptsThePasswordGrant() {
        List<String> withDirectGrants = new ArrayList<>();
        for (JsonNode client : keycloak.admin().clients()) {
            if (client.path("directAccessGrantsEnabled").asBoolean(false)) {
                withDirectGrants.add(client.get("clientId").asString());
            }
        }
        assertThat(withDirectGrants).as("clients with directAccessGrantsEnabled").isEmpty();
    }

    @Test
    void theBuiltInAdminCliRefusesThePasswordGrant() throws IOException, InterruptedException {
        String form = KeycloakAdmin.formEncode(Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", "zhang.san", "password", "Zhangsan#2026"));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(keycloak.tokenEndpoint())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("error").asString()).isEqualTo("unauthorized_client");
        assertThat(error.has("access_token")).isFalse();
    }
}
