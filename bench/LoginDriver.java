import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load driver of bench/login-bench.sh: an OpenID Connect relying party written against the
 * protocol only (JDK HttpClient, no project code), logging in N times with C virtual users at once.
 *
 * <pre>
 *   java bench/LoginDriver.java MODE N C
 *     MODE  face      whole face login through the bridge and the mock 粤信签 (returning persons)
 *           password  password login through the bridge (Keycloak behind it)
 *           keycloak  password login straight at Keycloak (authorization code flow of its own client)
 * </pre>
 *
 * Prints one line: {@code mode=... logins=N errors=E wall_ms=... p50_ms=... p99_ms=... token_p50_ms=...}.
 * Environment: BRIDGE (http://127.0.0.1:9000), MOCK (http://127.0.0.1:9100), KEYCLOAK
 * (http://127.0.0.1:8180/realms/jieyang), CLIENT_ID / CLIENT_SECRET / REDIRECT_URI (demo-rp's),
 * KC_CLIENT_ID / KC_CLIENT_SECRET / KC_REDIRECT_URI (the realm's auth-bridge client), KC_USER / KC_PASSWORD.
 */
public final class LoginDriver {

    static final String BRIDGE = env("BRIDGE", "http://127.0.0.1:9000");
    static final String MOCK = env("MOCK", "http://127.0.0.1:9100");
    static final String KEYCLOAK = env("KEYCLOAK", "http://127.0.0.1:8180/realms/jieyang");
    static final String CLIENT_ID = env("CLIENT_ID", "demo-rp");
    static final String CLIENT_SECRET = env("CLIENT_SECRET", "demo-rp-dev-secret");
    static final String REDIRECT_URI = env("REDIRECT_URI", "http://127.0.0.1:8090/callback");
    static final String KC_CLIENT_ID = env("KC_CLIENT_ID", "auth-bridge");
    static final String KC_CLIENT_SECRET = env("KC_CLIENT_SECRET", "auth-bridge-dev-secret");
    static final String KC_REDIRECT_URI = env("KC_REDIRECT_URI", BRIDGE + "/login/oauth2/code/keycloak");
    static final String KC_USER = env("KC_USER", "zhang.san");
    static final String KC_PASSWORD = env("KC_PASSWORD", "Zhangsan#2026");

    private static final Pattern FLOW = Pattern.compile("name=\"flow\" value=\"([A-Za-z0-9_-]+)\"");
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern CAPTCHA_ID = Pattern.compile("name=\"captcha_id\" value=\"([^\"]+)\"");
    private static final Pattern POW = Pattern.compile("data-pow=\"([^\"]+)\" data-pow-difficulty=\"(\\d+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A phone: the bridge sends it straight to 粤信签 (a desktop gets the QR page instead). */
    private static final String PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148";

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int n = Integer.parseInt(args[1]);
        int c = Integer.parseInt(args[2]);
        List<VirtualUser> users = new ArrayList<>();
        for (int i = 0; i < c; i++) {
            users.add(new VirtualUser(i));
        }
        if (mode.equals("face")) {
            // First visit of each phone: 粤信签's first-time form; not counted. Then only returning persons.
            for (VirtualUser u : users) {
                u.faceLogin(true);
            }
        }
        List<Long> total = Collections.synchronizedList(new ArrayList<>());
        List<Long> token = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(c);
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (VirtualUser u : users) {
            running.add(pool.submit(() -> {
                while (next.getAndIncrement() < n) {
                    long t0 = System.nanoTime();
                    try {
                        long tokenNanos = switch (mode) {
                            case "face" -> u.faceLogin(false);
                            case "password" -> u.passwordLogin();
                            case "keycloak" -> u.keycloakLogin();
                            default -> throw new IllegalArgumentException("mode face|password|keycloak");
                        };
                        total.add(System.nanoTime() - t0);
                        token.add(tokenNanos);
                    } catch (Exception e) {
                        if (errors.incrementAndGet() <= 3) {
                            System.err.println("login failed: " + e);
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        long wall = System.nanoTime() - start;
        pool.shutdown();
        System.out.printf("mode=%s logins=%d errors=%d wall_ms=%d p50_ms=%.1f p99_ms=%.1f token_p50_ms=%.1f%n",
                mode, total.size(), errors.get(), wall / 1_000_000, pct(total, 50), pct(total, 99), pct(token, 50));
    }

    /** One browser (its own cookies) plus the relying party's back channel. */
    static final class VirtualUser {
        private final int index;
        private final CookieManager cookies = new CookieManager();
        private final HttpClient http;
        private String personName;

        VirtualUser(int index) {
            this.index = index;
            this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }

        /** @return the nanoseconds the token request took */
        long faceLogin(boolean firstTime) throws Exception {
            dropCookie("JYB_SESSION");
            Pkce pkce = new Pkce();
            HttpResponse<String> r = follow(get(pkce.authorizeUrl(BRIDGE + "/oauth2/authorize", CLIENT_ID, REDIRECT_URI,
                    "openid profile")), MOCK);
            r = follow(get(BRIDGE + "/login/yuexinqian"), MOCK);
            r = get(location(r));                                    // 粤信签's consent page
            r = post(MOCK + "/flow/consent", Map.of("flow", flow(r), "decision", "agree"));
            if (firstTime) {
                personName = "测试" + index;
                r = post(MOCK + "/flow/person", Map.of("flow", flow(r), "name", personName, "idType", "resident_id",
                        "idNumber", idNumber(index), "consent", "yes"));
            }
            r = post(MOCK + "/flow/face", Map.of("flow", flow(r), "result", "pass"));
            r = follow(r, REDIRECT_URI);
            return exchange(BRIDGE + "/oauth2/token", CLIENT_ID, CLIENT_SECRET, REDIRECT_URI, pkce, code(r, pkce));
        }

        long passwordLogin() throws Exception {
            // Keycloak's own session too: else it signs the person in again without a form.
            cookies.getCookieStore().removeAll();
            Pkce pkce = new Pkce();
            follow(get(pkce.authorizeUrl(BRIDGE + "/oauth2/authorize", CLIENT_ID, REDIRECT_URI, "openid profile")),
                    KEYCLOAK);
            // To Keycloak's login page (the bridge redirects there), not stopping at the redirect.
            HttpResponse<String> r = follow(get(BRIDGE + "/login/password"), REDIRECT_URI);
            r = follow(keycloakForm(r), REDIRECT_URI);
            return exchange(BRIDGE + "/oauth2/token", CLIENT_ID, CLIENT_SECRET, REDIRECT_URI, pkce, code(r, pkce));
        }

        long keycloakLogin() throws Exception {
            cookies.getCookieStore().removeAll();
            Pkce pkce = new Pkce();
            HttpResponse<String> r = get(pkce.authorizeUrl(KEYCLOAK + "/protocol/openid-connect/auth", KC_CLIENT_ID,
                    KC_REDIRECT_URI, "openid profile email"));
            r = keycloakForm(r);
            return exchange(KEYCLOAK + "/protocol/openid-connect/token", KC_CLIENT_ID, KC_CLIENT_SECRET,
                    KC_REDIRECT_URI, pkce, code(r, pkce));
        }

        private HttpResponse<String> keycloakForm(HttpResponse<String> page) throws Exception {
            Matcher m = FORM_ACTION.matcher(page.body());
            if (!m.find()) {
                throw new IllegalStateException("no Keycloak login form (status " + page.statusCode() + ")");
            }
            // The captcha, answered as a browser on its no-reading path does (js/captcha-pow.js): a nonce
            // such that SHA-256(puzzle + ":" + nonce) starts with the asked number of zero bits.
            Matcher id = CAPTCHA_ID.matcher(page.body());
            Matcher pow = POW.matcher(page.body());
            if (!id.find() || !pow.find()) {
                throw new IllegalStateException("no captcha on the Keycloak login form");
            }
            return post(m.group(1).replace("&amp;", "&"), Map.of("username", KC_USER, "password", KC_PASSWORD,
                    "captcha_id", id.group(1), "captcha_pow", solve(pow.group(1), Integer.parseInt(pow.group(2)))));
        }

        private long exchange(String tokenUrl, String id, String secret, String redirect, Pkce pkce, String code)
                throws Exception {
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(tokenUrl))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (id + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code",
                            "code", code, "redirect_uri", redirect, "code_verifier", pkce.verifier))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - t0;
            if (r.statusCode() != 200 || !r.body().contains("\"id_token\"")) {
                throw new IllegalStateException("token endpoint answered " + r.statusCode() + ": " + r.body());
            }
            return took;
        }

        private HttpResponse<String> follow(HttpResponse<String> r, String stopAt) throws Exception {
            for (int hops = 0; hops < 10 && r.statusCode() / 100 == 3; hops++) {
                String next = location(r);
                if (next.startsWith(stopAt)) {
                    return r;
                }
                r = get(next);
            }
            return r;
        }

        private String location(HttpResponse<String> r) {
            String l = r.headers().firstValue("Location")
                    .orElseThrow(() -> new IllegalStateException("no redirect (status " + r.statusCode() + ")"));
            return URI.create(r.uri().toString()).resolve(l).toString();
        }

        private String code(HttpResponse<String> r, Pkce pkce) {
            Map<String, String> q = query(location(r));
            if (!pkce.state.equals(q.get("state")) || q.get("code") == null) {
                throw new IllegalStateException("no code for our state in " + location(r));
            }
            return q.get("code");
        }

        private HttpResponse<String> get(String url) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").header("User-Agent", PHONE)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        private HttpResponse<String> post(String url, Map<String, String> fields) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").header("User-Agent", PHONE)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(), HttpResponse.BodyHandlers.ofString());
        }

        private void dropCookie(String name) {
            for (URI uri : cookies.getCookieStore().getURIs()) {
                for (HttpCookie c : cookies.getCookieStore().get(uri)) {
                    if (c.getName().equals(name)) {
                        cookies.getCookieStore().remove(uri, c);
                    }
                }
            }
        }
    }

    /** state, nonce and a PKCE S256 pair for one authorization request. */
    static final class Pkce {
        final String verifier = random();
        final String state = random();
        final String nonce = random();

        String authorizeUrl(String endpoint, String clientId, String redirect, String scope) throws Exception {
            String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            Map<String, String> q = new LinkedHashMap<>();
            q.put("response_type", "code");
            q.put("client_id", clientId);
            q.put("redirect_uri", redirect);
            q.put("scope", scope);
            q.put("state", state);
            q.put("nonce", nonce);
            q.put("code_challenge", challenge);
            q.put("code_challenge_method", "S256");
            return endpoint + "?" + form(q);
        }
    }

    static String solve(String puzzle, int difficulty) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (long n = 0; ; n++) {
            byte[] d = sha.digest((puzzle + ":" + n).getBytes(StandardCharsets.UTF_8));
            int bits = 0;
            for (byte b : d) {
                if (b == 0) {
                    bits += 8;
                    continue;
                }
                bits += Integer.numberOfLeadingZeros(b & 0xff) - 24;
                break;
            }
            if (bits >= difficulty) {
                return Long.toString(n);
            }
        }
    }

    /** A valid GB 11643 resident ID number, distinct for each virtual user. */
    static String idNumber(int index) {
        String base = "445202" + "19900101" + String.format("%03d", 100 + index);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (base.charAt(i) - '0') * weights[i];
        }
        return base + "10X98765432".charAt(sum % 11);
    }

    static String flow(HttpResponse<String> page) {
        Matcher m = FLOW.matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("no flow field on 粤信签's page (status " + page.statusCode() + ")");
        }
        return m.group(1);
    }

    static String form(Map<String, String> fields) {
        StringBuilder b = new StringBuilder();
        fields.forEach((k, v) -> b.append(b.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return b.toString();
    }

    static Map<String, String> query(String url) {
        Map<String, String> q = new LinkedHashMap<>();
        String raw = URI.create(url).getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                q.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    static double pct(List<Long> nanos, int p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
