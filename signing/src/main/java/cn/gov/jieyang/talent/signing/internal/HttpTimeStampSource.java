package cn.gov.jieyang.talent.signing.internal;

import static cn.gov.jieyang.talent.signing.SigningException.Reason.TIME_STAMP_FAILURE;

import cn.gov.jieyang.talent.signing.SigningException;
import cn.gov.jieyang.talent.signing.TimeStampSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * RFC 3161 over HTTP (section 3.4): POST {@code application/timestamp-query}, expect 200 and
 * {@code application/timestamp-reply}. The answer is read up to a bound, so a hostile or broken TSA
 * cannot make the signer buffer without end; redirects are not followed.
 */
public final class HttpTimeStampSource implements TimeStampSource {

    /** A token with a chain of a few certificates is a few KiB; anything near this is not a token. */
    static final int MAX_RESPONSE_BYTES = 256 * 1024;

    private final URI url;
    private final Duration timeout;
    private final HttpClient client;

    /**
     * @param url     the TSA's URL
     * @param timeout connect and request timeout
     */
    public HttpTimeStampSource(URI url, Duration timeout) {
        Objects.requireNonNull(url, "url");
        if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())) {
            throw new SigningException(SigningException.Reason.INVALID_INPUT,
                    "the TSA URL must be http or https: " + shown(url));
        }
        this.url = url;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public byte[] exchange(byte[] timeStampRequest) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/timestamp-query")
                .POST(HttpRequest.BodyPublishers.ofByteArray(timeStampRequest)).build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw failure("answered HTTP " + response.statusCode());
                }
                String type = response.headers().firstValue("Content-Type").orElse("");
                if (!type.toLowerCase(java.util.Locale.ROOT).startsWith("application/timestamp-reply")) {
                    throw failure("answered " + (type.isEmpty() ? "without a content type" : type)
                            + ", not application/timestamp-reply");
                }
                byte[] bytes = body.readNBytes(MAX_RESPONSE_BYTES + 1);
                if (bytes.length > MAX_RESPONSE_BYTES) {
                    throw failure("answered more than " + MAX_RESPONSE_BYTES + " bytes");
                }
                return bytes;
            }
        } catch (IOException e) {
            throw new SigningException(TIME_STAMP_FAILURE, "the TSA at " + shown(url) + " did not answer: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SigningException(TIME_STAMP_FAILURE, "interrupted while waiting for the TSA at " + shown(url), e);
        }
    }

    private SigningException failure(String what) {
        return new SigningException(TIME_STAMP_FAILURE, "the TSA at " + shown(url) + " " + what);
    }

    /** The URL without user info, so that credentials in it never reach a message or a log. */
    static String shown(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + (url.getRawPath() == null ? "" : url.getRawPath());
    }

    @Override
    public String toString() {
        return "TSA " + shown(url);
    }
}
