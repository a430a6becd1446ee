package cn.gov.jieyang.talent.authbridge.session;

import cn.gov.jieyang.talent.authbridge.keys.BridgeKeys;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The session cookie's value: an ES256 JWT naming the session. Verification accepts only ES256
 * with one of the bridge's own keys and the {@value #TYPE} type, so a token with {@code alg: none},
 * an HMAC "signed" with the public key, a foreign key, another token type (an ID token pasted into
 * the cookie) or an expired one is refused.
 *
 * <p>A session cookie comes back on every request of a login (authorize, the face door, the return,
 * authorize again), and an ES256 verification costs about a millisecond: a token that verified is
 * remembered, by its exact value, until it expires, so it is verified once. Any other token (one byte
 * changed is another token) is verified in full; whether the session still lives is asked of the
 * database every time, so a logout ends it at once. The signer of each key is kept for the same reason.
 */
@Component
class SessionTokens {

    static final String TYPE = "bridge-session+jwt";

    private final BridgeKeys keys;
    private final SessionProperties properties;
    private final Clock clock;
    private final ConfigurableJWTProcessor<SecurityContext> processor;
    private final Cache<String, Verified> verified = Caffeine.newBuilder().maximumSize(20_000)
            .expireAfterWrite(Duration.ofHours(1)).build();
    private final Map<String, ECDSASigner> signers = new ConcurrentHashMap<>();

    private record Verified(String sid, Instant expiresAt) {
    }

    SessionTokens(BridgeKeys keys, SessionProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
        this.processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType(TYPE)));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(properties.issuer(),
                new JWTClaimsSet.Builder().issuer(properties.issuer()).build(), Set.of("sub", "sid", "iat", "exp")) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        claims.setMaxClockSkew(5);
        processor.setJWTClaimsSetVerifier(claims);
    }

    String issue(BridgeSession session) {
        ECKey key = keys.activeKey();
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(properties.issuer()).audience(properties.issuer())
                .subject(session.subject()).claim("sid", session.sid()).claim("acr", session.acr())
                .issueTime(Date.from(now)).expirationTime(Date.from(session.expiresAt()))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                .type(new JOSEObjectType(TYPE)).build(), claims);
        try {
            jwt.sign(signers.computeIfAbsent(key.getKeyID(), kid -> signer(key)));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the session cookie", e);
        }
        String token = jwt.serialize();
        // Signed here a moment ago: the browser's next request need not verify it again.
        verified.put(token, new Verified(session.sid(), session.expiresAt()));
        return token;
    }

    /** The session id of a valid token, or empty for anything not issued by this bridge and current. */
    Optional<String> verify(String token) {
        if (token == null || token.length() > 4096) {
            return Optional.empty();
        }
        Verified known = verified.getIfPresent(token);
        if (known != null && clock.instant().isBefore(known.expiresAt())) {
            return Optional.of(known.sid());
        }
        try {
            JWTClaimsSet claims = processor.process(token, null);
            String sid = claims.getStringClaim("sid");
            if (sid == null) {
                return Optional.empty();
            }
            verified.put(token, new Verified(sid, claims.getExpirationTime().toInstant()));
            return Optional.of(sid);
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static ECDSASigner signer(ECKey key) {
        try {
            return new ECDSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("the bridge's signing key is not a P-256 private key", e);
        }
    }
}
