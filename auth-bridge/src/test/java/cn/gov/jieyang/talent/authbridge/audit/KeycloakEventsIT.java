package cn.gov.jieyang.talent.authbridge.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.jieyang.talent.authbridge.AuthBridgeApplication;
import cn.gov.jieyang.talent.authbridge.session.DataProtector;
import cn.gov.jieyang.talent.testsupport.keycloak.KeycloakAdmin;
import cn.gov.jieyang.talent.testsupport.keycloak.KeycloakExtension;
import cn.gov.jieyang.talent.testsupport.keycloak.KeycloakLogin;
import cn.gov.jieyang.talent.testsupport.keycloak.KeycloakServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 10, item 5: wrong passwords and lockouts, typed on Keycloak's page where the bridge never sees
 * them, are on the bridge's own chain. The build's Keycloak forwards them (listener
 * {@code jieyang-bridge-audit}) to its events port, where this test's bridge listens; a forward that is
 * unsigned, stale, replayed or oversized records nothing. Measured on main: no such event on the chain
 * (only Keycloak's own event store had them).
 */
@ExtendWith(KeycloakExtension.class)
@SpringBootTest(classes = AuthBridgeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class KeycloakEventsIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static KeycloakServer keycloak;
    static String redirectUri;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("server.port", () -> KeycloakExtension.server().bridgeEventsPort());
        r.add("bridge.audit.keycloak-events.key", () -> KeycloakExtension.server().bridgeEventsKey());
        r.add("bridge.keycloak.base-url", () -> KeycloakExtension.server().baseUrl().toString());
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataProtector protector;

    @BeforeAll
    static void keycloak(KeycloakServer server) {
        keycloak = server;
        int port = server.bridgeEventsPort();
        server.admin().allowBridgeOn(port);
        redirectUri = "http://127.0.0.1:" + port + "/login/oauth2/code/keycloak";
    }

    @Test
    void wrongPasswordsAndTheLockoutTheyCauseAreOnTheBridgesChainUnderTheAccountsKeyedId() {
        String victim = KeycloakAdmin.uniqueUsername("chain-victim");
        String userId = keycloak.admin().createUser(victim, "Right#2026", "individual");
        String subject = protector.subjectFor("u", "keycloak:" + userId);
        String account = "k-" + subject.substring(2);

        for (int attempt = 1; attempt <= 12; attempt++) {
            KeycloakLogin.start(keycloak, redirectUri, "en").signIn(victim, "Guess#" + attempt);
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<String> events = eventsOf(account);
            assertThat(events).as("the bridge's chain for %s", subject)
                    .anyMatch(e -> e.startsWith("LoginFailed door=password reason=invalid_user_credentials account="
                            + account + " client=auth-bridge keycloak_event="))
                    .anyMatch(e -> e.startsWith("LockedOut door=password reason=user_temporarily_disabled account="
                            + account));
        });
        // Nothing of what was typed, nor the user name, is on the chain.
        assertThat(jdbc.sql("select count(*) from audit_event where detail like ? or detail like '%Guess#%'")
                .param("%" + victim + "%").query(Long.class).single()).isZero();
    }

    @Test
    void anEnterpriseAccountsFailuresCarryTheHexOfItsEnterpriseSubject() {
        String company = KeycloakAdmin.uniqueUsername("chain-company");
        String userId = keycloak.admin().createUser(company, "Right#2026", "enterprise");
        String subject = protector.subjectFor("e", "keycloak:" + userId);

        KeycloakLogin.start(keycloak, redirectUri, "en").signIn(company, "Guess#1");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(eventsOf("k-" + subject.substring(2)))
                .anyMatch(e -> e.startsWith("LoginFailed door=password reason=invalid_user_credentials")));
    }

    @Test
    void aForwardSignedWithAnotherKeyIsRefusedAndRecordsNothing() throws Exception {
        String id = UUID.randomUUID().toString();
        HttpResponse<String> response = post(body(id), now(), "another-key-of-at-least-32-characters!!");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(recorded(id)).isZero();
    }

    @Test
    void aStaleForwardIsRefusedEvenWithTheRightKey() throws Exception {
        String id = UUID.randomUUID().toString();
        String tenMinutesAgo = Long.toString(Instant.now().minusSeconds(600).getEpochSecond());

        assertThat(post(body(id), tenMinutesAgo, keycloak.bridgeEventsKey()).statusCode()).isEqualTo(401);
        assertThat(recorded(id)).isZero();
    }

    @Test
    void aReplayedForwardIsRecordedOnce() throws Exception {
        String id = UUID.randomUUID().toString();
        String at = now();

        assertThat(post(body(id), at, keycloak.bridgeEventsKey()).statusCode()).isEqualTo(204);
        assertThat(post(body(id), at, keycloak.bridgeEventsKey()).statusCode()).isEqualTo(204);
        assertThat(recorded(id)).isEqualTo(1);
    }

    @Test
    void aForwardOverFourKibibytesIsRefusedBeforeItsSignatureIsChecked() throws Exception {
        String id = UUID.randomUUID().toString();
        String big = body(id).replace("\"error\"", "\"padding\":\"" + "x".repeat(5000) + "\",\"error\"");

        assertThat(post(big, now(), keycloak.bridgeEventsKey()).statusCode()).isEqualTo(413);
        assertThat(recorded(id)).isZero();
    }

    @Test
    void aSignedForwardThatIsNotAnEventIsABadRequest() throws Exception {
        assertThat(post("{\"id\":\"x\"}", now(), keycloak.bridgeEventsKey()).statusCode()).isEqualTo(400);
        assertThat(post("not json", now(), keycloak.bridgeEventsKey()).statusCode()).isEqualTo(400);
    }

    @Test
    void aSignedForwardWithSomethingLikeAnIdNumberInItIsRefusedAndNothingIsWritten() throws Exception {
        String id = UUID.randomUUID().toString();
        String withNumber = body(id).replace("\"clientId\":\"auth-bridge\"", "\"clientId\":\"44520219851231123X\"");

        assertThat(post(withNumber, now(), keycloak.bridgeEventsKey()).statusCode()).isEqualTo(400);
        assertThat(recorded(id)).isZero();
        assertThat(jdbc.sql("select count(*) from keycloak_event_seen where event_id = ?").param(id)
                .query(Long.class).single()).as("the replay row rolled back with it").isZero();
    }

    private List<String> eventsOf(String subject) {
        return jdbc.sql("select event_type || ' ' || detail from audit_event where actor_subject = 'keycloak' "
                        + "and detail like ? order by seq")
                .param("%account=" + subject + "%").query(String.class).list();
    }

    private long recorded(String keycloakEventId) {
        return jdbc.sql("select count(*) from audit_event where detail like ?")
                .param("%keycloak_event=" + keycloakEventId + "%").query(Long.class).single();
    }

    private static String body(String id) {
        return "{\"id\":\"" + id + "\",\"type\":\"LOGIN_ERROR\",\"time\":" + System.currentTimeMillis()
                + ",\"clientId\":\"auth-bridge\",\"userId\":\"" + UUID.randomUUID()
                + "\",\"authMethod\":\"openid-connect\",\"error\":\"invalid_user_credentials\"}";
    }

    private static String now() {
        return Long.toString(Instant.now().getEpochSecond());
    }

    private static HttpResponse<String> post(String body, String timestamp, String key) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String signature = HexFormat.of().formatHex(
                new KeycloakEventSignature(key.getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(5))
                        .mac(timestamp, bytes));
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + keycloak.bridgeEventsPort()
                                + "/internal/keycloak-events"))
                        .header("Content-Type", "application/json")
                        .header("X-Jieyang-Timestamp", timestamp)
                        .header("X-Jieyang-Signature", signature)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
