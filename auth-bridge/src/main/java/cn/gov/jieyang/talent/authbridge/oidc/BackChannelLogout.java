package cn.gov.jieyang.talent.authbridge.oidc;

import cn.gov.jieyang.talent.authbridge.keys.BridgeKeys;
import cn.gov.jieyang.talent.authbridge.session.SessionEnded;
import cn.gov.jieyang.talent.authbridge.session.SessionProperties;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * OpenID Connect Back-Channel Logout 1.0: a signed {@code logout+jwt} naming the ended session
 * ({@code sid}) and its subject, POSTed to the relying party's back-channel URI. Sent without waiting
 * for the answer, so a slow or absent relying party never holds up the person's logout; the outcome
 * is logged (one line per relying party, no token).
 */
@Component
class BackChannelLogout {

    static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";
    /** A logout token is for immediate delivery; §2.4 leaves its lifetime to the provider. */
    private static final Duration LIFETIME = Duration.ofMinutes(2);
    private static final int ANSWER_SHOWN = 300;
    private static final Logger log = LoggerFactory.getLogger(BackChannelLogout.class);

    private final BridgeKeys keys;
    private final SessionProperties session;
    private final LogoutProperties properties;
    private final Clock clock;
    private final HttpClient http;

    BackChannelLogout(BridgeKeys keys, SessionProperties session, LogoutProperties properties, Clock clock) {
        this.keys = keys;
        this.session = session;
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.backChannelTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    void send(String clientId, URI uri, SessionEnded ended) {
        String form = "logout_token=" + URLEncoder.encode(token(clientId, ended), StandardCharsets.US_ASCII);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(properties.backChannelTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cache-Control", "no-store")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).whenComplete((response, failure) -> {
            if (failure != null) {
                log.warn("back-channel logout not delivered: client={} sid={} uri={} ({})", clientId, ended.sid(),
                        uri, failure.toString());
                return;
            }
            // The relying party's reason, bounded: an operator needs it, a runaway body must not cost us.
            String answer = head(response.body());
            if (response.statusCode() / 100 != 2) {
                log.warn("back-channel logout refused: client={} sid={} status={} answer={}", clientId, ended.sid(),
                        response.statusCode(), answer);
            } else {
                log.info("back-channel logout delivered: client={} sid={}", clientId, ended.sid());
            }
        });
    }

    private static String head(InputStream body) {
        try (body) {
            return new String(body.readNBytes(ANSWER_SHOWN), StandardCharsets.UTF_8).replaceAll("[\\r\\n]+", " ");
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** §2.4: iss, aud, iat, exp, jti, events, sid and sub; never a nonce; typ {@code logout+jwt}. */
    String token(String clientId, SessionEnded ended) {
        Instant now = clock.instant();
        ECKey key = keys.activeKey();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(session.issuer()).audience(clientId)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .subject(ended.subject()).claim("sid", ended.sid())
                .claim("events", Map.of(EVENT, Map.of()))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                .type(new JOSEObjectType("logout+jwt")).build(), claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a logout token", e);
        }
        return jwt.serialize();
    }
}
