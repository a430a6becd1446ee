package cn.gov.jieyang.talent.authbridge.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionDecoderFactory;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Component;

/**
 * How the token endpoint verifies a {@code private_key_jwt} client assertion (RFC 7523; the portal
 * authenticates so): ES256 only, with a key from the client's registered {@code jwk-set-uri}; issuer and
 * subject = the client id, audience = our issuer or one of our endpoints, not expired (Spring
 * Authorization Server's checks); then a {@code jti} and an {@code exp} at most {@link #MAX_LIFETIME}
 * ahead, and last, once everything else passed, the one database write: the jti's first use.
 *
 * <p>Why not Spring Authorization Server's {@link JwtClientAssertionDecoderFactory} alone: it does not
 * check a jti (an intercepted assertion could be replayed for as long as it lives, and it may live for
 * ever), and its JWKS source refetches the client's JWKS for every assertion with an unknown kid, so a
 * stream of made-up assertions became a stream of requests to the client. Here the JWKS is cached
 * (five minutes, as the portal's {@code Cache-Control} says), and an unknown kid refetches it at most
 * once per {@link #REFETCH_INTERVAL}. Verifying one assertion is then one ECDSA check: far below a
 * password hash, and nothing is written for an assertion that does not verify.
 */
@Component
class ClientAssertionDecoders implements JwtDecoderFactory<RegisteredClient> {

    /** How far a client's clock may be from ours, either way. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    /** Longest accepted life of an assertion (Spring Security's client makes one-minute assertions). */
    static final Duration MAX_LIFETIME = Duration.ofMinutes(5);
    static final Duration JWKS_CACHE = Duration.ofMinutes(5);
    static final Duration REFETCH_INTERVAL = Duration.ofSeconds(30);
    private static final int JWKS_TIMEOUT_MILLIS = 2_000;
    private static final int JTI_MAX_LENGTH = 256;

    private final JwtClientAssertionDecoderFactory others = new JwtClientAssertionDecoderFactory();
    private final Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();
    private final AcceptedClientAssertions accepted;
    private final Clock clock;

    ClientAssertionDecoders(AcceptedClientAssertions accepted, Clock clock) {
        this.accepted = accepted;
        this.clock = clock;
    }

    @Override
    public JwtDecoder createDecoder(RegisteredClient client) {
        if (!SignatureAlgorithm.ES256.equals(client.getClientSettings().getTokenEndpointAuthenticationSigningAlgorithm())) {
            // Not how our relying parties are registered (client_secret_jwt, RS256...): Spring's checks, unchanged.
            return others.createDecoder(client);
        }
        String jwkSetUrl = client.getClientSettings().getJwkSetUrl();
        if (jwkSetUrl == null || jwkSetUrl.isBlank()) {
            throw invalidClient("client " + client.getClientId() + " has no jwk-set-uri registered");
        }
        // One decoder, and so one cached JWKS, per client and URL for the life of the process.
        return decoders.computeIfAbsent(client.getId() + " " + jwkSetUrl, k -> decoder(client, jwkSetUrl));
    }

    private JwtDecoder decoder(RegisteredClient client, String jwkSetUrl) {
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.create(URI.create(jwkSetUrl).toURL(),
                            new DefaultResourceRetriever(JWKS_TIMEOUT_MILLIS, JWKS_TIMEOUT_MILLIS, 64 * 1024))
                    .cache(JWKS_CACHE.toMillis(), JWKS_TIMEOUT_MILLIS)
                    .refreshAheadCache(false)
                    .rateLimited(REFETCH_INTERVAL.toMillis())
                    .build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw invalidClient("client " + client.getClientId() + " has a malformed jwk-set-uri");
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, keys));
        // The claims are checked by the validators below, in order.
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        OAuth2TokenValidator<Jwt> standard = JwtClientAssertionDecoderFactory.DEFAULT_JWT_VALIDATOR_FACTORY.apply(client);
        decoder.setJwtValidator(jwt -> {
            OAuth2TokenValidatorResult result = standard.validate(jwt);
            return result.hasErrors() ? result : lifetimeAndFirstUse(client.getClientId(), jwt);
        });
        return decoder;
    }

    private OAuth2TokenValidatorResult lifetimeAndFirstUse(String clientId, Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null || expiresAt.isAfter(clock.instant().plus(MAX_LIFETIME).plus(CLOCK_SKEW))) {
            return failure("the assertion must expire within " + MAX_LIFETIME.toMinutes() + " minutes");
        }
        String jti = jwt.getId();
        if (jti == null || jti.isBlank() || jti.length() > JTI_MAX_LENGTH) {
            return failure("the assertion must have a jti");
        }
        // Last: the only check that writes. Kept past exp by the clock skew, the expiry check's allowance.
        if (!accepted.firstUse(clientId, jti, expiresAt.plus(CLOCK_SKEW))) {
            return failure("the assertion was used before");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult failure(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT, description,
                "https://datatracker.ietf.org/doc/html/rfc7523#section-3"));
    }

    private static OAuth2AuthenticationException invalidClient(String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT, description, null));
    }
}
