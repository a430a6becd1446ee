package cn.gov.jieyang.talent.testsupport.keycloak;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keycloak's admin REST API for tests, over plain {@code java.net.http} and JSON: just what tests of the
 * bridge need against realm {@code jieyang}. Authenticates as the bootstrap admin of the master realm
 * (client {@code admin-cli}).
 */
public final class KeycloakAdmin {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final URI baseUrl;
    private final String username;
    private final String password;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final KeycloakCaptcha captcha;
    private String accessToken;
    private Instant accessTokenExpires = Instant.EPOCH;

    KeycloakAdmin(URI baseUrl, String username, String password) {
        this.baseUrl = baseUrl;
        this.username = username;
        this.password = password;
        this.captcha = new KeycloakCaptcha(this, password);
    }

    /**
     * The browser flow's captcha: its answer key and settings.
     *
     * @return the helper
     */
    public KeycloakCaptcha captcha() {
        return captcha;
    }

    // --- client auth-bridge ----------------------------------------------------------------------

    /**
     * Lets a bridge running on {@code http://127.0.0.1:port} use the {@code auth-bridge} client: adds its
     * redirect URI ({@code /login/oauth2/code/keycloak}) and its post-logout redirect URIs ({@code /*}).
     */
    public void allowBridgeOn(int port) {
        addRedirectUri("http://127.0.0.1:" + port + "/login/oauth2/code/keycloak");
        addPostLogoutRedirectUri("http://127.0.0.1:" + port + "/*");
    }

    /** Adds a redirect URI to client {@code auth-bridge} (no-op when it is already there). */
    public synchronized void addRedirectUri(String redirectUri) {
        ObjectNode client = client(KeycloakServer.CLIENT_ID);
        ArrayNode uris = client.withArrayProperty("redirectUris");
        for (JsonNode uri : uris) {
            if (uri.asString().equals(redirectUri)) {
                return;
            }
        }
        uris.add(redirectUri);
        send("PUT", "/admin/realms/" + KeycloakServer.REALM + "/clients/" + client.get("id").asString(), client, 204);
    }

    /** Adds a post-logout redirect URI (Keycloak keeps them in one attribute, separated by {@code ##}). */
    public synchronized void addPostLogoutRedirectUri(String redirectUri) {
        ObjectNode client = client(KeycloakServer.CLIENT_ID);
        ObjectNode attributes = client.withObjectProperty("attributes");
        String current = attributes.path("post.logout.redirect.uris").asString("");
        List<String> uris = current.isEmpty() ? List.of() : List.of(current.split("##"));
        if (uris.contains(redirectUri)) {
            return;
        }
        attributes.put("post.logout.redirect.uris", current.isEmpty() ? redirectUri : current + "##" + redirectUri);
        send("PUT", "/admin/realms/" + KeycloakServer.REALM + "/clients/" + client.get("id").asString(), client, 204);
    }

    /** Every client of the realm (Keycloak's built-in ones too), as the admin API returns them. */
    public JsonNode clients() {
        return send("GET", "/admin/realms/" + KeycloakServer.REALM + "/clients", null, 200);
    }

    /** The client's representation as the admin API returns it. */
    public ObjectNode client(String clientId) {
        JsonNode found = send("GET", "/admin/realms/" + KeycloakServer.REALM + "/clients?clientId="
                + encode(clientId), null, 200);
        if (found.isEmpty()) {
            throw new IllegalStateException("no client " + clientId + " in realm " + KeycloakServer.REALM);
        }
        return (ObjectNode) found.get(0);
    }

    // --- users ---------------------------------------------------------------------------------------

    /**
     * A user name no other test has used in this Keycloak, e.g. {@code lockout-4711-1-5f3a9c}: the realm is
     * shared by every test JVM of a build, so the name carries this JVM's pid as well as a sequence.
     *
     * @param prefix what the user is for
     * @return a fresh user name
     */
    public static String uniqueUsername(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet() + "-"
                + Long.toHexString(System.nanoTime() & 0xffffff);
    }

    /**
     * Creates an enabled user with a verified e-mail, first and last name (so Keycloak asks for nothing
     * more at login), a permanent password and one realm role. Returns the user's id.
     */
    public String createUser(String username, String password, String realmRole) {
        return createUser(username, password, realmRole, Map.of());
    }

    /** As {@link #createUser(String, String, String)}, with user-profile attributes (e.g. {@code usci}). */
    public String createUser(String username, String password, String realmRole, Map<String, String> attributes) {
        ObjectNode user = JSON.createObjectNode()
                .put("username", username)
                .put("enabled", true)
                .put("email", username + "@example.com")
                .put("emailVerified", true)
                .put("firstName", "Test")
                .put("lastName", username);
        ObjectNode attrs = user.putObject("attributes");
        attributes.forEach((name, value) -> attrs.putArray(name).add(value));
        user.putArray("credentials").addObject()
                .put("type", "password")
                .put("value", password)
                .put("temporary", false);
        HttpResponse<String> created = exchange("POST", "/admin/realms/" + KeycloakServer.REALM + "/users", user);
        expect(created, 201);
        String location = created.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("user created without a Location header"));
        String id = location.substring(location.lastIndexOf('/') + 1);
        if (realmRole != null) {
            JsonNode role = send("GET", "/admin/realms/" + KeycloakServer.REALM + "/roles/" + encode(realmRole), null, 200);
            ArrayNode roles = JSON.createArrayNode().add(role);
            send("POST", "/admin/realms/" + KeycloakServer.REALM + "/users/" + id + "/role-mappings/realm", roles, 204);
        }
        return id;
    }

    public Optional<String> userId(String username) {
        JsonNode users = send("GET", "/admin/realms/" + KeycloakServer.REALM + "/users?exact=true&username="
                + encode(username), null, 200);
        return users.isEmpty() ? Optional.empty() : Optional.of(users.get(0).get("id").asString());
    }

    public JsonNode user(String username) {
        String id = requireUserId(username);
        return send("GET", "/admin/realms/" + KeycloakServer.REALM + "/users/" + id, null, 200);
    }

    public void deleteUser(String username) {
        userId(username).ifPresent(id ->
                send("DELETE", "/admin/realms/" + KeycloakServer.REALM + "/users/" + id, null, 204));
    }

    // --- brute-force detection -----------------------------------------------------------------------

    /** Clears a user's login failures and any temporary lockout. */
    public void clearBruteForce(String username) {
        send("DELETE", "/admin/realms/" + KeycloakServer.REALM + "/attack-detection/brute-force/users/"
                + requireUserId(username), null, 204);
    }

    /** Keycloak's view of a user's failures: {@code numFailures}, {@code disabled}, {@code lastFailure}, ... */
    public JsonNode bruteForceStatus(String username) {
        return send("GET", "/admin/realms/" + KeycloakServer.REALM + "/attack-detection/brute-force/users/"
                + requireUserId(username), null, 200);
    }

    /**
     * Keycloak's own stored login events of a user (realm {@code eventsEnabled}), newest first.
     *
     * @param username the user
     * @param type     e.g. {@code LOGIN_ERROR}
     * @return the events: {@code type}, {@code error}, {@code time}, {@code details}, ...
     */
    public JsonNode events(String username, String type) {
        return send("GET", "/admin/realms/" + KeycloakServer.REALM + "/events?type=" + encode(type) + "&user="
                + requireUserId(username) + "&max=100", null, 200);
    }

    // --- plumbing ------------------------------------------------------------------------------------

    private String requireUserId(String username) {
        return userId(username).orElseThrow(() ->
                new IllegalArgumentException("no user " + username + " in realm " + KeycloakServer.REALM));
    }

    JsonNode send(String method, String path, JsonNode body, int expectedStatus) {
        HttpResponse<String> response = exchange(method, path, body);
        expect(response, expectedStatus);
        return response.body() == null || response.body().isBlank()
                ? JSON.missingNode() : JSON.readTree(response.body());
    }

    private HttpResponse<String> exchange(String method, String path, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + accessToken())
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return call(request.build());
    }

    private synchronized String accessToken() {
        if (accessToken != null && Instant.now().isBefore(accessTokenExpires)) {
            return accessToken;
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", "admin-cli");
        form.put("username", username);
        form.put("password", password);
        HttpResponse<String> response = call(HttpRequest.newBuilder(
                        baseUrl.resolve("/realms/master/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formEncode(form)))
                .build());
        expect(response, 200);
        JsonNode token = JSON.readTree(response.body());
        accessToken = token.get("access_token").asString();
        // master's admin-cli tokens live 60 s; renew well before that
        accessTokenExpires = Instant.now().plusSeconds(Math.max(5, token.path("expires_in").asLong(60) - 20));
        return accessToken;
    }

    private HttpResponse<String> call(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + request.method() + " " + request.uri(), e);
        }
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + " (expected " + status + "): " + response.body());
        }
    }

    /**
     * {@code application/x-www-form-urlencoded}, UTF-8.
     *
     * @param form the fields
     * @return the encoded body (or query)
     */
    public static String formEncode(Map<String, String> form) {
        StringBuilder encoded = new StringBuilder();
        form.forEach((name, value) -> {
            if (!encoded.isEmpty()) {
                encoded.append('&');
            }
            encoded.append(encode(name)).append('=').append(encode(value));
        });
        return encoded.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
