package cn.gov.jieyang.talent.authbridge.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A browser for tests: keeps cookies per host, follows redirects itself (so a test sees every hop),
 * and can stop before leaving for a given origin (a relying party that is not running).
 */
public final class Browser {

    public static final String PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148";
    public static final String DESKTOP = "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0";

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final String userAgent;
    private final List<URI> visited = new ArrayList<>();

    public Browser(String userAgent) {
        this.userAgent = userAgent;
    }

    public static Browser phone() {
        return new Browser(PHONE);
    }

    public record Page(int status, URI uri, String body, HttpResponse<String> response) {
        public String location() {
            return response.headers().firstValue("Location").orElse(null);
        }

        public List<String> setCookies() {
            return response.headers().allValues("Set-Cookie");
        }
    }

    /** One request, no redirect following. */
    public Page get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** A request carrying an extra cookie header, e.g. a session made by the test itself. */
    public Page getWithCookie(String url, String cookie) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).GET());
    }

    public Page post(String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Follows redirects until a non-redirect answer, or until the next hop starts with {@code stopAt}. */
    public Page follow(Page page, String stopAt) {
        Page current = page;
        for (int i = 0; i < 20 && current.status() / 100 == 3 && current.location() != null; i++) {
            URI next = current.uri().resolve(current.location());
            if (stopAt != null && next.toString().startsWith(stopAt)) {
                return current;
            }
            current = get(next.toString());
        }
        return current;
    }

    public Page open(String url) {
        return follow(get(url), null);
    }

    public List<URI> visited() {
        return visited;
    }

    public void forgetCookies() {
        cookies.getCookieStore().removeAll();
    }

    public void removeCookie(String name) {
        cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).toList()
                .forEach(c -> cookies.getCookieStore().getURIs().forEach(u -> cookies.getCookieStore().remove(u, c)));
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    private Page send(HttpRequest.Builder b) {
        try {
            HttpRequest request = b.header("User-Agent", userAgent).header("Accept", "text/html,*/*")
                    .header("Accept-Language", "zh-CN,zh;q=0.9").timeout(Duration.ofSeconds(30)).build();
            visited.add(request.uri());
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(r.statusCode(), request.uri(), r.body(), r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
