package cn.gov.jieyang.talent.authbridge.face;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Asks 粤信签 whether it answers before a person is sent there, so an outage is a page that says
 * "use account login or retry" instead of a browser error on the phone. A good answer is remembered
 * for 30 seconds (or the JWKS cache time, if shorter); a bad one is not, so recovery is noticed at once.
 */
@Component
class YuexinqianAvailability {

    private static final Logger log = LoggerFactory.getLogger(YuexinqianAvailability.class);

    private static final java.time.Duration REMEMBER = java.time.Duration.ofSeconds(30);

    private final YuexinqianProperties properties;
    private final Clock clock;
    private final HttpClient http;
    private volatile Instant goodUntil = Instant.EPOCH;

    YuexinqianAvailability(YuexinqianProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    void requireAvailable() {
        if (clock.instant().isBefore(goodUntil)) {
            return;
        }
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(properties.baseUrl() + "/jwks"))
                    .timeout(properties.timeout()).GET().build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() == 200) {
                goodUntil = clock.instant().plus(REMEMBER.compareTo(properties.jwksCacheTtl()) < 0
                        ? REMEMBER : properties.jwksCacheTtl());
                return;
            }
            log.warn("粤信签 at {} answers {} on /jwks", properties.baseUrl(), r.statusCode());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("粤信签 at {} does not answer: {}", properties.baseUrl(), e.toString());
        }
        throw new UpstreamUnavailable("粤信签 does not answer");
    }
}
