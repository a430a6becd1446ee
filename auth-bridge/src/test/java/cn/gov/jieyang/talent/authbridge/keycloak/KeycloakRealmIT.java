package cn.gov.jieyang.talent.authbridge.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.jieyang.talent.testsupport.keycloak.KeycloakAdmin;
import cn.gov.jieyang.talent.testsupport.keycloak.KeycloakExtension;
import cn.gov.jieyang.talent.testsupport.keycloak.KeycloakLogin;
import cn.gov.jieyang.talent.testsupport.keycloak.KeycloakServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code jieyang} realm on a real Keycloak 26.7.3 (started by {@link KeycloakExtension}): discovery,
 * authorization code + PKCE logins of the sample users as client {@code auth-bridge}, the claims the
 * bridge relies on, and brute-force detection.
 */
@ExtendWith(KeycloakExtension.class)
class KeycloakRealmIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** The unified social credit code of the sample enterprise (keycloak/README.md shows the computation). */
    private static final String SAMPLE_USCI = "91445200MA4W00003L";

    static KeycloakServer keycloak;
    static String redirectUri;

    @BeforeAll
    static void keycloak(KeycloakServer server) {
        keycloak = server;
        redirectUri = ThisJvmsBridge.redirectUri(server);
    }

    @Test
    void discoveryDocumentNamesTheRealmsIssuerOnLoopback() {
        JsonNode discovery = getJson(keycloak.discoveryUri(), null);

        assertThat(discovery.get("issuer").asString())
                .isEqualTo(keycloak.issuerUri())
                .startsWith("http://127.0.0.1:" + keycloak.port() + "/realms/jieyang");
        assertThat(discovery.get("authorization_endpoint").asString()).startsWith(keycloak.issuerUri() + "/");
        assertThat(discovery.get("token_endpoint").asString()).startsWith(keycloak.issuerUri() + "/");
        assertThat(strings(discovery.get("code_challenge_methods_supported"))).contains("S256");
    }

    @Test
    void clientAuthBridgeIsConfidentialStandardFlowOnlyWithPkceS256() {
        JsonNode client = keycloak.admin().client(KeycloakServer.CLIENT_ID);

        assertThat(client.get("publicClient").asBoolean()).isFalse();
        assertThat(client.get("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(client.get("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(client.get("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(client.path("attributes").path("pkce.code.challenge.method").asString()).isEqualTo("S256");
        assertThat(strings(client.get("redirectUris")))
                .contains(KeycloakServer.DEFAULT_REDIRECT_URI, redirectUri);
    }

    @Test
    void zhangSanLogsInWithAuthorizationCodeAndPkce() {
        KeycloakLogin login = KeycloakLogin.start(keycloak, redirectUri, "en");

        KeycloakLogin.Page loginPage = login.openLoginPage();
        assertThat(loginPage.status()).isEqualTo(200);
        assertThat(loginPage.formAction()).get().asString()
                .startsWith(keycloak.issuerUri() + "/login-actions/authenticate?");

        KeycloakLogin.Page redirect = login.submit(loginPage, "zhang.san", "Zhangsan#2026");
        assertThat(redirect.redirectsTo(redirectUri))
                .as("302 back to the bridge, got %s %s", redirect.status(), redirect.location()).isTrue();
        assertThat(redirect.queryParameter("state")).contains(login.state());
        assertThat(redirect.queryParameter("iss")).contains(keycloak.issuerUri());   // RFC 9207
        String code = redirect.queryParameter("code").orElseThrow();

        JsonNode tokens = login.redeem(code);
        assertThat(tokens.get("token_type").asString()).isEqualToIgnoringCase("Bearer");
        JsonNode idToken = KeycloakLogin.jwtClaims(tokens.get("id_token").asString());
        assertThat(idToken.get("iss").asString()).isEqualTo(keycloak.issuerUri());
        assertThat(strings(idToken.get("aud"))).containsExactly(KeycloakServer.CLIENT_ID);
        assertThat(idToken.get("nonce").asString()).isEqualTo(login.nonce());
        assertThat(idToken.get("preferred_username").asString()).isEqualTo("zhang.san");
        assertThat(idToken.get("email").asString()).isEqualTo("zhang.san@example.com");
        assertThat(idToken.get("email_verified").asBoolean()).isTrue();
        assertThat(idToken.get("given_name").asString()).isEqualTo("三");
        assertThat(idToken.get("family_name").asString()).isEqualTo("张");
        // Keycloak composes `name` as "first last": a Chinese display name is family_name + given_name.
        assertThat(idToken.get("name").asString()).isEqualTo("三 张");
        assertThat(idToken.get("acr").asString()).isEqualTo("1");   // a fresh password login
        assertThat(idToken.get("sid").asString()).isNotBlank();
        assertThat(strings(idToken.get("roles"))).containsExactly("individual");
        assertThat(idToken.has("usci")).isFalse();

        JsonNode userinfo = getJson(URI.create(keycloak.issuerUri() + "/protocol/openid-connect/userinfo"),
                tokens.get("access_token").asString());
        assertThat(userinfo.get("sub").asString()).isEqualTo(idToken.get("sub").asString());
        assertThat(strings(userinfo.get("roles"))).containsExactly("individual");
    }

    @Test
    void enterpriseTokensCarryTheUnifiedSocialCreditCode() {
        KeycloakLogin login = KeycloakLogin.start(keycloak, redirectUri, null);
        KeycloakLogin.Page redirect = login.signIn("jieyang-tech", "Enterprise#2026");
        assertThat(redirect.redirectsTo(redirectUri)).as("%s %s", redirect.status(), redirect.location()).isTrue();

        JsonNode tokens = login.redeem(redirect.queryParameter("code").orElseThrow());
        JsonNode idToken = KeycloakLogin.jwtClaims(tokens.get("id_token").asString());
        assertThat(idToken.get("usci").asString()).isEqualTo(SAMPLE_USCI);
        assertThat(strings(idToken.get("roles"))).containsExactly("enterprise");
        assertThat(gb32100CheckCharacter(SAMPLE_USCI.substring(0, 17))).isEqualTo(SAMPLE_USCI.charAt(17));

        JsonNode userinfo = getJson(URI.create(keycloak.issuerUri() + "/protocol/openid-connect/userinfo"),
                tokens.get("access_token").asString());
        assertThat(userinfo.get("usci").asString()).isEqualTo(SAMPLE_USCI);
        assertThat(strings(userinfo.get("roles"))).containsExactly("enterprise");
    }

    @ParameterizedTest(name = "{0} has exactly roles {2}")
    @CsvSource({
            "zhang.san,       Zhangsan#2026,   individual",
            "jieyang-tech,    Enterprise#2026, enterprise",
            "reviewer.li,     Reviewer#2026,   reviewer reviewer-talent reviewer-funding",
            "reviewer.zhao,   Reviewer#2026,   reviewer reviewer-titles",
            "supervisor.chen, Supervisor#2026, reviewer supervisor",
            "auditor.wang,    Auditor#2026,    auditor",
    })
    void everySampleUserLogsInStraightAwayWithItsRoles(String username, String password, String roles) {
        KeycloakLogin login = KeycloakLogin.start(keycloak, redirectUri, "en");
        KeycloakLogin.Page redirect = login.signIn(username, password);
        // Straight back to the bridge: no verify-profile, update-password or verify-email page.
        assertThat(redirect.redirectsTo(redirectUri))
                .as("%s: %s %s%n%s", username, redirect.status(), redirect.location(), redirect.body()).isTrue();
        JsonNode idToken = KeycloakLogin.jwtClaims(
                login.redeem(redirect.queryParameter("code").orElseThrow()).get("id_token").asString());
        // The portal's service groups (its V15 review_scope) and the supervisor arrive as realm roles.
        assertThat(strings(idToken.get("roles"))).containsExactlyInAnyOrder(roles.split(" "));
    }

    @Test
    void aWrongPasswordShowsInvalidUsernameOrPassword() {
        String username = KeycloakAdmin.uniqueUsername("wrong-en");
        keycloak.admin().createUser(username, "Right#2026", "individual");

        // No Accept-Language: the realm's default language, English.
        KeycloakLogin.Page page = KeycloakLogin.start(keycloak, redirectUri, null).signIn(username, "Wrong#2026");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.location()).isEmpty();
        assertThat(page.errorMessage()).contains("Invalid username or password.");
        assertThat(page.formAction()).as("the form is offered again").isPresent();
    }

    @Test
    void aChineseBrowserGetsTheLoginPageInChinese() {
        String username = KeycloakAdmin.uniqueUsername("wrong-zh");
        keycloak.admin().createUser(username, "Right#2026", "individual");

        KeycloakLogin login = KeycloakLogin.start(keycloak, redirectUri, "zh-CN,zh;q=0.9,en;q=0.5");
        KeycloakLogin.Page loginPage = login.openLoginPage();
        assertThat(loginPage.body()).contains("lang=\"zh-CN\"", "登录");
        KeycloakLogin.Page page = login.submit(loginPage, username, "Wrong#2026");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.errorMessage()).contains("无效的用户名或密码。");
    }

    @Test
    void tenWrongPasswordsInARowLockTheUserBrieflyUntilAnAdminClearsIt() {
        KeycloakAdmin admin = keycloak.admin();
        String username = KeycloakAdmin.uniqueUsername("lockout");
        admin.createUser(username, "Right#2026", "enterprise", Map.of("usci", SAMPLE_USCI));

        // As fast as the form goes: there is no quick-login lock, only failureFactor (10) counts.
        for (int attempt = 1; attempt <= 10; attempt++) {
            KeycloakLogin.Page page = KeycloakLogin.start(keycloak, redirectUri, "en").signIn(username, "Wrong#" + attempt);
            assertThat(page.errorMessage()).as("attempt %d", attempt).contains("Invalid username or password.");
            if (attempt == 9) {
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                        assertThat(admin.bruteForceStatus(username).get("numFailures").asInt()).isEqualTo(9));
                assertThat(admin.bruteForceStatus(username).get("disabled").asBoolean()).as("not locked after 9 failures").isFalse();
            }
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(admin.bruteForceStatus(username).get("disabled").asBoolean()).isTrue());

        // Locked: the right password is refused, with the same message (nothing tells an attacker).
        KeycloakLogin.Page refused = KeycloakLogin.start(keycloak, redirectUri, "en").signIn(username, "Right#2026");
        assertThat(refused.location()).as("no redirect while locked").isEmpty();
        assertThat(refused.errorMessage()).contains("Invalid username or password.");

        admin.clearBruteForce(username);
        JsonNode cleared = admin.bruteForceStatus(username);
        assertThat(cleared.get("disabled").asBoolean()).isFalse();
        assertThat(cleared.get("numFailures").asInt()).isZero();

        KeycloakLogin login = KeycloakLogin.start(keycloak, redirectUri, "en");
        KeycloakLogin.Page redirect = login.signIn(username, "Right#2026");
        assertThat(redirect.redirectsTo(redirectUri)).as("%s %s", redirect.status(), redirect.location()).isTrue();
        JsonNode idToken = KeycloakLogin.jwtClaims(
                login.redeem(redirect.queryParameter("code").orElseThrow()).get("id_token").asString());
        assertThat(idToken.get("usci").asString()).isEqualTo(SAMPLE_USCI);
        assertThat(strings(idToken.get("roles"))).containsExactly("enterprise");
    }

    @Test
    void anAuthorizationRequestWithoutPkceIsRefused() {
        KeycloakLogin login = KeycloakLogin.start(keycloak, redirectUri, "en");
        URI withoutPkce = URI.create(login.authorizationRequest().toString()
                .replaceAll("&code_challenge=[^&]*", "").replaceAll("&code_challenge_method=[^&]*", ""));

        KeycloakLogin.Page page = login.openLoginPage(withoutPkce);

        assertThat(page.formAction()).as("no login form without PKCE").isEmpty();
        assertThat(page.redirectsTo(redirectUri)).isTrue();
        assertThat(page.queryParameter("error")).contains("invalid_request");
        assertThat(page.queryParameter("error_description")).get().asString().contains("code_challenge");
    }

    @Test
    void aPlainPkceChallengeIsRefused() {
        // The discovery document offers plain and S256 realm-wide; the client insists on S256.
        KeycloakLogin login = KeycloakLogin.start(keycloak, redirectUri, "en");
        URI plain = URI.create(login.authorizationRequest().toString()
                .replaceAll("code_challenge=[^&]*", "code_challenge=" + login.codeVerifier())
                .replace("code_challenge_method=S256", "code_challenge_method=plain"));

        KeycloakLogin.Page page = login.openLoginPage(plain);

        assertThat(page.formAction()).as("no login form for a plain challenge").isEmpty();
        assertThat(page.redirectsTo(redirectUri)).isTrue();
        assertThat(page.queryParameter("error")).contains("invalid_request");
    }

    @Test
    void thePasswordGrantIsOffForTheBridge() throws IOException, InterruptedException {
        String form = KeycloakAdmin.formEncode(Map.of(
                "grant_type", "password", "username", "zhang.san", "password", "Zhangsan#2026",
                "client_id", KeycloakServer.CLIENT_ID, "client_secret", KeycloakServer.CLIENT_SECRET));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(keycloak.tokenEndpoint())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").asString()).isEqualTo("unauthorized_client");
    }

    // ------------------------------------------------------------------------------------------------

    /** GB 32100-2015: check character over the first 17 characters (weights 3^i mod 31). */
    static char gb32100CheckCharacter(String first17) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            sum += alphabet.indexOf(first17.charAt(i)) * weight;
            weight = weight * 3 % 31;
        }
        return alphabet.charAt((31 - sum % 31) % 31);
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.values().forEach(value -> values.add(value.asString()));
        } else if (node != null && !node.isMissingNode() && !node.isNull()) {
            values.add(node.asString());
        }
        return values;
    }

    private static JsonNode getJson(URI uri, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as("GET %s: %s", uri, response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
