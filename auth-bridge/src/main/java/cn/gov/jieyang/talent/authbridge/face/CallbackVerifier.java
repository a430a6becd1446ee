package cn.gov.jieyang.talent.authbridge.face;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Verifies a 粤信签 callback JWS: ES256 only, a key from 粤信签's JWKS (cached; refetched once, rate
 * limited, when an unknown kid appears), type {@code yxq-callback+jwt}, issuer, audience = our app id,
 * not expired, all protocol claims present, and a short lifetime. Transaction, nonce and replay
 * checks need the database and happen in {@link FaceLoginService}.
 */
@Component
class CallbackVerifier {

    static final Set<String> REQUIRED = Set.of("iss", "aud", "iat", "exp", "jti", "txn", "nonce", "outcome",
            "verified_at");

    /** How far 粤信签's clock may be from ours, either way (exp and iat alike). */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final YuexinqianProperties properties;
    private final Clock clock;

    CallbackVerifier(YuexinqianProperties properties, Clock clock) throws MalformedURLException {
        this.properties = properties;
        this.clock = clock;
        int timeout = (int) properties.timeout().toMillis();
        JWKSource<SecurityContext> jwks = JWKSourceBuilder
                .create(URI.create(properties.baseUrl() + "/jwks").toURL(),
                        new DefaultResourceRetriever(timeout, timeout, 64 * 1024))
                .cache(properties.jwksCacheTtl().toMillis(), timeout)
                .refreshAheadCache(false)
                // At most one refetch per interval: an attacker sending unknown kids cannot make us hammer 粤信签.
                .rateLimited(Math.min(10_000, properties.jwksCacheTtl().toMillis() / 2))
                .build();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("yxq-callback+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, jwks));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(properties.appId(),
                new JWTClaimsSet.Builder().issuer(properties.issuer()).build(), REQUIRED) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        claims.setMaxClockSkew((int) CLOCK_SKEW.toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
    }

    /**
     * @param jws the compact JWS as posted
     * @return its verified claims
     * @throws CallbackRejected      when the callback is not acceptable
     * @throws UpstreamUnavailable when 粤信签's keys cannot be fetched (try again later)
     */
    JWTClaimsSet verify(String jws) {
        JWTClaimsSet claims;
        SignedJWT signed;
        try {
            // Parsing as a JWS first: an unsigned ("alg":"none") token is not even a candidate.
            signed = SignedJWT.parse(jws.strip());
        } catch (ParseException e) {
            throw new CallbackRejected("invalid_signature", "not_a_jws", "not a signed JWT (compact JWS)");
        }
        try {
            claims = processor.process(signed, null);
        } catch (BadJWTException e) {
            throw new CallbackRejected("invalid_claims", claimsReason(e.getMessage()), e.getMessage());
        } catch (BadJWSException e) {
            throw new CallbackRejected("invalid_signature", "bad_signature", e.getMessage());
        } catch (BadJOSEException e) {
            // no matching key after a refresh, wrong alg, wrong typ
            boolean wrongType = e.getMessage() != null && e.getMessage().contains("typ");
            throw new CallbackRejected(wrongType ? "invalid_claims" : "invalid_signature",
                    wrongType ? "wrong_type" : "unknown_key", e.getMessage());
        } catch (KeySourceException e) {
            if (e instanceof RateLimitReachedException || e.getCause() instanceof RateLimitReachedException) {
                // Our keys were refetched moments ago and hold no such kid: the callback can never
                // verify, so the answer is final. A 503 would only make 粤信签 retry it.
                throw new CallbackRejected("invalid_signature", "unknown_key",
                        "the key is not among 粤信签's keys (refetched within the last seconds)");
            }
            throw new UpstreamUnavailable("粤信签's keys cannot be fetched: " + e.getMessage());
        } catch (Exception e) {
            throw new CallbackRejected("invalid_signature", "unverifiable", "the callback cannot be verified");
        }
        // Nimbus checks exp and nbf, not iat: a callback "issued" later than now is made up or from a broken clock.
        if (claims.getIssueTime().toInstant().isAfter(clock.instant().plus(CLOCK_SKEW))) {
            throw new CallbackRejected("invalid_claims", "issued_in_future", "the callback is issued in the future");
        }
        Duration lifetime = Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant());
        if (lifetime.compareTo(properties.maxCallbackLifetime()) > 0) {
            throw new CallbackRejected("invalid_claims", "too_long_lived", "the callback is valid for longer than "
                    + properties.maxCallbackLifetime().toSeconds() + " s");
        }
        return claims;
    }

    /** Nimbus's claim check says what failed only in words: the audit trail gets a code for it. */
    static String claimsReason(String message) {
        String m = message == null ? "" : message;
        if (m.contains("Expired")) {
            return "expired";
        }
        if (m.contains("audience")) {
            return "wrong_audience";
        }
        if (m.contains("iss claim")) {
            return "wrong_issuer";
        }
        if (m.contains("missing required claims")) {
            return "claim_missing";
        }
        if (m.contains("before use time")) {
            return "not_yet_valid";
        }
        return "claims_refused";
    }
}
