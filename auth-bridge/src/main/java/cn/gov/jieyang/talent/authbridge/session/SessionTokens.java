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
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The session cookie's value: an ES256 JWT naming the session. Verification accepts only ES256
 * with one of the bridge's own keys and the {@value #TYPE} type, so a token with {@code alg: none},
 * an HMAC "signed" with the public key, a foreign key, another token type (an ID token pasted into
 * the cookie) or an expired one is refused.
 */
@Component
class SessionTokens {

    static final String TYPE = "bridge-session+jwt";

    private final BridgeKeys keys;
    private final SessionProperties properties;
    private final Clock clock;
    private final ConfigurableJWTProcessor<SecurityContext> processor;

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
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the session cookie", e);
        }
        return jwt.serialize();
    }

    /** The session id of a valid token, or empty for anything not issued by this bridge and current. */
    Optional<String> verify(String token) {
        if (token == null || token.length() > 4096) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(processor.process(token, null).getStringClaim("sid"));
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
