package cn.gov.jieyang.talent.mockyxq.callback;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * POSTs one JWS to a callback URL: retried on no answer or a 5xx, up to 3 times, none started
 * later than 30 s after the first; any 4xx is final (the protocol names 400; others will not get
 * better by asking again either).
 */
@Component
class CallbackSender {

    static final MediaType APPLICATION_JOSE = MediaType.parseMediaType("application/jose");
    static final List<Duration> BACKOFF = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    static final Duration RETRY_WINDOW = Duration.ofSeconds(30);

    private static final Pattern ERROR_CODE = Pattern.compile("\"error\"\\s*:\\s*\"([A-Za-z0-9_.-]{1,64})\"");

    /** How one delivery went, for the log line. */
    record Delivery(boolean accepted, int attempts, String lastResult) {
    }

    private final RestClient http;
    private final List<Duration> backoff;
    private final Duration retryWindow;

    @Autowired
    CallbackSender() {
        this(defaultClient(), BACKOFF, RETRY_WINDOW);
    }

    CallbackSender(RestClient http, List<Duration> backoff, Duration retryWindow) {
        this.http = http;
        this.backoff = List.copyOf(backoff);
        this.retryWindow = retryWindow;
    }

    static RestClient defaultClient() {
        // HTTP/1.1: the JDK client's h2c upgrade attempt confuses some plain-HTTP servers.
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(Duration.ofSeconds(5));
        return RestClient.builder().requestFactory(factory).build();
    }

    Delivery deliver(URI callbackUrl, String jws) {
        long start = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            Attempt outcome = attempt(callbackUrl, jws);
            String result = outcome.description();
            if (!outcome.retryable()) {
                return new Delivery(outcome.accepted(), attempt, result);
            }
            if (attempt > backoff.size()) {
                return new Delivery(false, attempt, result + "; no retries left");
            }
            Duration wait = backoff.get(attempt - 1);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (elapsed.plus(wait).compareTo(retryWindow) > 0) {
                return new Delivery(false, attempt, result + "; retry window of " + retryWindow.toSeconds() + " s over");
            }
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Delivery(false, attempt, result + "; interrupted");
            }
        }
    }

    private record Attempt(boolean accepted, boolean retryable, String description) {
    }

    private Attempt attempt(URI callbackUrl, String jws) {
        try {
            return http.post()
                    .uri(callbackUrl)
                    .contentType(APPLICATION_JOSE)
                    // Bytes, not a String: a String converter could append "; charset=..." to the type.
                    .body(jws.getBytes(StandardCharsets.US_ASCII))
                    .exchange((request, response) -> {
                        int status = response.getStatusCode().value();
                        if (status >= 200 && status < 300) {
                            return new Attempt(true, false, "HTTP " + status);
                        }
                        if (status >= 500) {
                            return new Attempt(false, true, "HTTP " + status);
                        }
                        return new Attempt(false, false, "HTTP " + status + errorCode(response.getBody()));
                    });
        } catch (ResourceAccessException e) {
            // Connection refused, timeout, reset: "no answer" in the protocol's words.
            Throwable cause = e.getMostSpecificCause();
            return new Attempt(false, true, "no answer (" + cause.getClass().getSimpleName() + ")");
        }
    }

    /** The bridge's {@code error} code, if its refusal says one; never the rest of the body. */
    private static String errorCode(InputStream body) {
        try (body) {
            String text = new String(body.readNBytes(4096), StandardCharsets.UTF_8);
            Matcher matcher = ERROR_CODE.matcher(text);
            return matcher.find() ? " " + matcher.group(1) : "";
        } catch (Exception e) {
            return "";
        }
    }
}
