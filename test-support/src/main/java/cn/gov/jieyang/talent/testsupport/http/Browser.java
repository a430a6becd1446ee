package cn.gov.jieyang.talent.testsupport.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A browser for tests: keeps cookies per host, follows redirects itself (so a test sees every hop),
 * and can stop before leaving for a given origin (a relying party that is not running).
 */
public final class Browser {

    /** A phone's user agent (the bridge sends phones straight to 粤信签, desktops to a QR code page). */
    public static final String PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148";
    /** A desktop browser's user agent. */
    public static final String DESKTOP = "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0";

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final String userAgent;
    private final String acceptLanguage;
    private final List<URI> visited = new ArrayList<>();

    /**
     * A browser with no cookies, set to Chinese.
     *
     * @param userAgent the User-Agent it sends
     */
    public Browser(String userAgent) {
        this(userAgent, "zh-CN,zh;q=0.9");
    }

    /**
     * A browser with no cookies and the given language preference.
     *
     * @param userAgent      the User-Agent it sends
     * @param acceptLanguage the Accept-Language it sends, e.g. {@code en-US,en;q=0.9}
     */
    public Browser(String userAgent, String acceptLanguage) {
        this.userAgent = userAgent;
        this.acceptLanguage = acceptLanguage;
    }

    /**
     * A phone's browser.
     *
     * @return a new browser with the {@link #PHONE} user agent
     */
    public static Browser phone() {
        return new Browser(PHONE);
    }

    /**
     * One answer.
     *
     * @param status   HTTP status
     * @param uri      what was asked for
     * @param body     the body as text
     * @param response the whole response
     */
    public record Page(int status, URI uri, String body, HttpResponse<String> response) {

        /**
         * The redirect target.
         *
         * @return the Location header, or null
         */
        public String location() {
            return response.headers().firstValue("Location").orElse(null);
        }

        /**
         * The cookies the server set.
         *
         * @return every Set-Cookie header
         */
        public List<String> setCookies() {
            return response.headers().allValues("Set-Cookie");
        }

        /**
         * The cookie of one name the server set, with its attributes.
         *
         * @param name cookie name
         * @return the first {@code Set-Cookie} header for it, e.g. {@code NAME=value; Path=/; Secure}, or null
         */
        public String setCookie(String name) {
            return setCookies().stream().filter(c -> c.startsWith(name + "=")).findFirst().orElse(null);
        }
    }

    /**
     * One GET, no redirect following.
     *
     * @param url absolute URL
     * @return the answer
     */
    public Page get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /**
     * A GET carrying an extra cookie header, e.g. a session made by the test itself.
     *
     * @param url    absolute URL
     * @param cookie e.g. {@code NAME=value}
     * @return the answer
     */
    public Page getWithCookie(String url, String cookie) {
        return get(url, Map.of("Cookie", cookie));
    }

    /**
     * A GET with extra headers, e.g. the {@code X-Forwarded-Proto} a TLS-terminating proxy adds.
     *
     * @param url     absolute URL
     * @param headers header names and values (not User-Agent, Accept or Accept-Language, which are the browser's)
     * @return the answer
     */
    public Page get(String url, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        headers.forEach(b::header);
        return send(b);
    }

    /**
     * A form POST, no redirect following.
     *
     * @param url  absolute URL
     * @param form the fields
     * @return the answer
     */
    public Page post(String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Follows redirects until a non-redirect answer, or until the next hop starts with {@code stopAt}.
     *
     * @param page   where to start
     * @param stopAt an origin not to enter (null: follow to the end)
     * @return the last answer
     */
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

    /**
     * GET and follow every redirect.
     *
     * @param url absolute URL
     * @return the last answer
     */
    public Page open(String url) {
        return follow(get(url), null);
    }

    /**
     * Every URL asked for, in order.
     *
     * @return the live list
     */
    public List<URI> visited() {
        return visited;
    }

    /** Drops every cookie. */
    public void forgetCookies() {
        cookies.getCookieStore().removeAll();
    }

    /**
     * Drops the cookies of one name, for every host.
     *
     * @param name cookie name
     */
    public void removeCookie(String name) {
        cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).toList()
                .forEach(c -> cookies.getCookieStore().getURIs().forEach(u -> cookies.getCookieStore().remove(u, c)));
    }

    /**
     * Takes a cookie as if {@code url}'s server had answered with this {@code Set-Cookie} header, so
     * that a later one of the same name replaces it as in a real browser.
     *
     * @param url       where it comes from, e.g. {@code http://127.0.0.1:9000/}
     * @param setCookie the header's value, e.g. {@code NAME=value; Path=/; HttpOnly}
     */
    public void acceptCookie(String url, String setCookie) {
        try {
            cookies.put(URI.create(url), Map.of("Set-Cookie", List.of(setCookie)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A cookie's value.
     *
     * @param name cookie name
     * @return the first such cookie's value, or null
     */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /**
     * The query parameters of a URL, decoded (the first value of each).
     *
     * @param url absolute URL, e.g. a redirect's Location
     * @return parameter name to value, in order
     */
    public static Map<String, String> query(String url) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = URI.create(url).getRawQuery();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }

    private Page send(HttpRequest.Builder b) {
        try {
            HttpRequest request = b.header("User-Agent", userAgent).header("Accept", "text/html,*/*")
                    .header("Accept-Language", acceptLanguage).timeout(Duration.ofSeconds(30)).build();
            visited.add(request.uri());
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(r.statusCode(), request.uri(), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
