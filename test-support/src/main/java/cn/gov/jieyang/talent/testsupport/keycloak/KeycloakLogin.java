package cn.gov.jieyang.talent.testsupport.keycloak;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One OpenID Connect authorization-code + PKCE (S256) login at Keycloak, driven like a browser with
 * {@code java.net.http}: its own cookies, Keycloak's real login page and form, no redirects followed.
 * As client {@code auth-bridge} it then redeems the code with the client secret and the code verifier.
 *
 * <pre>{@code
 * KeycloakLogin login = KeycloakLogin.start(keycloak, redirectUri, "en");
 * KeycloakLogin.Page result = login.signIn("zhang.san", "Zhangsan#2026");
 * JsonNode tokens = login.redeem(result.queryParameter("code").orElseThrow());
 * JsonNode idToken = KeycloakLogin.jwtClaims(tokens.get("id_token").asString());
 * }</pre>
 */
public final class KeycloakLogin {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern LOGIN_FORM = Pattern.compile("<form\\b[^>]*\\bid=\"kc-form-login\"[^>]*>");
    private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]*)\"");
    private static final Pattern FEEDBACK = Pattern.compile(
            "class=\"[^\"]*\\bkc-feedback-text\\b[^\"]*\"[^>]*>\\s*([^<]*?)\\s*<");

    private final KeycloakServer keycloak;
    private final String redirectUri;
    private final String acceptLanguage;
    private final String state = randomToken(16);
    private final String nonce = randomToken(16);
    private final String codeVerifier = randomToken(32);
    private final HttpClient http;

    private KeycloakLogin(KeycloakServer keycloak, String redirectUri, String acceptLanguage) {
        this.keycloak = keycloak;
        this.redirectUri = redirectUri;
        this.acceptLanguage = acceptLanguage;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieJar())
                .build();
    }

    /**
     * A new login (fresh cookies, state, nonce, PKCE verifier).
     *
     * @param redirectUri    registered at client {@code auth-bridge} (see {@link KeycloakAdmin#addRedirectUri})
     * @param acceptLanguage e.g. {@code "zh-CN,zh;q=0.9"}; {@code null} sends none, and Keycloak shows
     *                       the realm's default language, English
     */
    public static KeycloakLogin start(KeycloakServer keycloak, String redirectUri, String acceptLanguage) {
        return new KeycloakLogin(keycloak, redirectUri, acceptLanguage);
    }

    public String state() {
        return state;
    }

    public String nonce() {
        return nonce;
    }

    public String codeVerifier() {
        return codeVerifier;
    }

    /** The S256 code challenge: BASE64URL(SHA-256(ASCII(code_verifier))), RFC 7636 section 4.2. */
    public String codeChallenge() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(codeVerifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The authorization request a relying party would send the browser to. */
    public URI authorizationRequest() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", KeycloakServer.CLIENT_ID);
        query.put("response_type", "code");
        query.put("scope", "openid profile email");
        query.put("redirect_uri", redirectUri);
        query.put("state", state);
        query.put("nonce", nonce);
        query.put("code_challenge", codeChallenge());
        query.put("code_challenge_method", "S256");
        return URI.create(keycloak.authorizationEndpoint() + "?" + KeycloakAdmin.formEncode(query));
    }

    /** GET the authorization request: Keycloak's login page (200), or its error page. */
    public Page openLoginPage() {
        return openLoginPage(authorizationRequest());
    }

    /** GET any authorization request, e.g. one without PKCE, to see Keycloak refuse it. */
    public Page openLoginPage(URI authorizationRequest) {
        return send(request(authorizationRequest).GET().build());
    }

    /**
     * POST user name and password to the login form of {@code page}, with the captcha answered right
     * (as the holder of the answer key, {@link KeycloakCaptcha}).
     */
    public Page submit(Page page, String username, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("password", password);
        if (KeycloakCaptcha.id(page.body()).isPresent()) {
            form.putAll(keycloak.admin().captcha().solvedFields(page.body()));
        }
        return submitForm(page, form);
    }

    /** "换一张": asks the login form of {@code page} for a new captcha (the user name is kept). */
    public Page refreshCaptcha(Page page, String username) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("captcha_refresh", "1");
        return submitForm(page, form);
    }

    /** POST exactly these fields (plus an empty {@code credentialId}) to the login form of {@code page}. */
    public Page submitForm(Page page, Map<String, String> fields) {
        URI action = page.formAction().orElseThrow(() -> new IllegalStateException(
                "no login form on the page (status " + page.status() + "):\n" + page.body()));
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.putIfAbsent("credentialId", "");
        return send(request(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(KeycloakAdmin.formEncode(form)))
                .build());
    }

    /** Opens the login page and signs in; a success is a 302 to the redirect URI with {@code code}. */
    public Page signIn(String username, String password) {
        return submit(openLoginPage(), username, password);
    }

    /** Redeems the code at the token endpoint (client_secret_basic + code_verifier); the token response. */
    public JsonNode redeem(String code) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", codeVerifier);
        String basic = Base64.getEncoder().encodeToString((urlEncode(KeycloakServer.CLIENT_ID) + ":"
                + urlEncode(KeycloakServer.CLIENT_SECRET)).getBytes(StandardCharsets.UTF_8));
        Page response = send(HttpRequest.newBuilder(keycloak.tokenEndpoint())
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(KeycloakAdmin.formEncode(form)))
                .build());
        if (response.status() != 200) {
            throw new IllegalStateException("token endpoint answered " + response.status() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** The claims of a JWT (signature NOT checked: Keycloak just handed it to us over the back channel). */
    public static JsonNode jwtClaims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a compact JWS: " + jwt);
        }
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------------------------------------

    /** A response from Keycloak: a page (login form, error) or a redirect. */
    public record Page(int status, URI uri, Optional<URI> location, String body) {

        /** Where the login form posts to, HTML entities decoded. */
        public Optional<URI> formAction() {
            Matcher form = LOGIN_FORM.matcher(body);
            if (!form.find()) {
                return Optional.empty();
            }
            Matcher action = ACTION.matcher(form.group());
            return action.find() ? Optional.of(uri.resolve(unescapeHtml(action.group(1)))) : Optional.empty();
        }

        /** The message Keycloak shows under the form, e.g. "Invalid username or password.". */
        public Optional<String> errorMessage() {
            Matcher feedback = FEEDBACK.matcher(body);
            return feedback.find() ? Optional.of(unescapeHtml(feedback.group(1))) : Optional.empty();
        }

        /** True for a redirect to {@code redirectUri} (the relying party), whatever its query. */
        public boolean redirectsTo(String redirectUri) {
            return (status == 302 || status == 303) && location.isPresent()
                    && location.get().toString().startsWith(redirectUri + "?");
        }

        /** A query parameter of the redirect's Location, e.g. {@code code}, {@code state}, {@code iss}. */
        public Optional<String> queryParameter(String name) {
            if (location.isEmpty() || location.get().getRawQuery() == null) {
                return Optional.empty();
            }
            for (String pair : location.get().getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                if (key.equals(name)) {
                    return Optional.of(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            return Optional.empty();
        }
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html,application/xhtml+xml");
        if (acceptLanguage != null) {
            builder.header("Accept-Language", acceptLanguage);
        }
        return builder;
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Optional<URI> location = response.headers().firstValue("Location").map(request.uri()::resolve);
            return new Page(response.statusCode(), request.uri(), location, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + request.method() + " " + request.uri(), e);
        }
    }

    private static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String unescapeHtml(String text) {
        Matcher entity = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);").matcher(text);
        StringBuilder out = new StringBuilder();
        while (entity.find()) {
            String name = entity.group(1);
            String replacement = switch (name) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> new String(Character.toChars(name.startsWith("#x")
                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1))));
            };
            entity.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        entity.appendTail(out);
        return out.toString();
    }

    /**
     * A browser's cookie jar, minus one rule: Keycloak marks its cookies {@code Secure} even on
     * http://127.0.0.1 (browsers treat loopback as a secure context), which {@link java.net.CookieManager}
     * would then never send back over http.
     */
    private static final class CookieJar extends CookieHandler {
        private final Map<String, HttpCookie> cookies = new LinkedHashMap<>();

        @Override
        public synchronized Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
            List<String> matching = new ArrayList<>();
            cookies.values().removeIf(HttpCookie::hasExpired);
            for (HttpCookie cookie : cookies.values()) {
                if (uri.getHost().equalsIgnoreCase(cookie.getDomain()) && path.startsWith(cookie.getPath())) {
                    matching.add(cookie.getName() + "=" + cookie.getValue());
                }
            }
            return matching.isEmpty() ? Map.of() : Map.of("Cookie", List.of(String.join("; ", matching)));
        }

        @Override
        public synchronized void put(URI uri, Map<String, List<String>> responseHeaders) {
            responseHeaders.forEach((header, values) -> {
                if (header == null || !header.equalsIgnoreCase("Set-Cookie")) {
                    return;
                }
                for (String value : values) {
                    for (HttpCookie cookie : HttpCookie.parse("Set-Cookie: " + value)) {
                        cookie.setDomain(uri.getHost());   // host-only cookies; Keycloak sets no Domain
                        if (cookie.getPath() == null) {
                            String path = uri.getPath();
                            cookie.setPath(path == null || path.lastIndexOf('/') <= 0 ? "/" : path.substring(0, path.lastIndexOf('/') + 1));
                        }
                        String key = cookie.getDomain() + "|" + cookie.getPath() + "|" + cookie.getName();
                        if (cookie.getMaxAge() == 0) {
                            cookies.remove(key);
                        } else {
                            cookies.put(key, cookie);
                        }
                    }
                }
            });
        }
    }
}
