package cn.gov.jieyang.talent.mockyxq.callback;

import cn.gov.jieyang.talent.mockyxq.MockYuexinqianProperties;
import cn.gov.jieyang.talent.mockyxq.callback.VerificationResult.Outcome;
import cn.gov.jieyang.talent.mockyxq.keys.SigningKeys;
import cn.gov.jieyang.talent.mockyxq.testcontrol.CallbackMode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Builds the callback JWS of docs/yuexinqian-protocol.md section 3, bent as a failure switch asks. */
@Component
class CallbackTokens {

    static final JOSEObjectType TYPE = new JOSEObjectType("yxq-callback+jwt");
    /** The protocol's maximum; retries within 30 s still arrive well inside it. */
    static final Duration LIFETIME = Duration.ofSeconds(120);
    /** For {@code late}: expired long enough ago that no sane clock-skew allowance accepts it. */
    static final Duration LATE_BY = Duration.ofMinutes(8);
    static final String OTHER_AUDIENCE = "some-other-app";
    static final String TRUST_LEVEL = "L4";

    private final SigningKeys keys;
    private final String issuer;
    private final Clock clock;

    @Autowired
    CallbackTokens(SigningKeys keys, MockYuexinqianProperties properties) {
        this(keys, properties.publicBaseUrl(), Clock.systemUTC());
    }

    CallbackTokens(SigningKeys keys, String issuer, Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.clock = clock;
    }

    /** The compact JWS. {@code NEVER} is the caller's business: it just does not send one. */
    String sign(VerificationResult result, CallbackMode mode) {
        Instant issuedAt = mode == CallbackMode.LATE
                ? clock.instant().minus(LATE_BY).minus(LIFETIME)
                : clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(mode == CallbackMode.WRONG_AUDIENCE ? OTHER_AUDIENCE : result.app().appId())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .claim("txn", result.txn())
                .claim("nonce", result.nonce())
                .claim("outcome", result.outcome().claim());
        if (result.outcome() == Outcome.VERIFIED) {
            // Identity only with a pass: a failed check vouches for nobody.
            claims.claim("name", result.person().name())
                    .claim("id_type", result.person().idType())
                    .claim("id_number", result.person().idNumber());
        }
        claims.claim("verified_at", result.verifiedAt().getEpochSecond())
                .claim("trust_level", TRUST_LEVEL);

        ECKey key = mode == CallbackMode.WRONG_KEY ? keys.foreignKey() : keys.signingKey();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(TYPE).build();
        SignedJWT jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign the callback", e);
        }
        return jwt.serialize();
    }
}
