package cn.gov.jieyang.talent.portal.login;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Verification of the bridge's back-channel logout tokens, as OpenID Connect Back-Channel Logout 1.0
 * §2.6 asks: ES256 with a key of the bridge's JWKS, {@code typ logout+jwt}, our issuer, our client id in
 * {@code aud}, {@code iat}, {@code jti}, the back-channel {@code events} member, {@code sid} or
 * {@code sub}, and no {@code nonce} (so an ID token cannot be passed off as a logout token).
 *
 * <p>Why not Spring Security's {@code oidcLogout().backChannel()}: in 7.0 its decoder is fixed to
 * RS256 (no hook for the algorithm), and the bridge signs ES256 only.
 */
final class LogoutTokens {

    static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";

    private LogoutTokens() {
    }

    static JwtDecoder decoder(BridgeClientProperties bridge) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(bridge.baseUrl() + "/jwks")
                .jwsAlgorithm(SignatureAlgorithm.ES256).build();
        JwtTypeValidator type = new JwtTypeValidator("logout+jwt");
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(List.of(new JwtTimestampValidator(), type,
                new JwtIssuerValidator(bridge.baseUrl()), claims(bridge.clientId()))));
        return decoder;
    }

    private static OAuth2TokenValidator<Jwt> claims(String clientId) {
        return jwt -> {
            List<OAuth2Error> errors = new ArrayList<>();
            if (jwt.getAudience() == null || !jwt.getAudience().contains(clientId)) {
                errors.add(invalid("aud must name " + clientId));
            }
            Map<String, Object> events = jwt.getClaimAsMap("events");
            if (events == null || !(events.get(EVENT) instanceof Map)) {
                errors.add(invalid("events must hold " + EVENT));
            }
            if (jwt.getIssuedAt() == null || jwt.getId() == null) {
                errors.add(invalid("iat and jti are required"));
            }
            if (jwt.getSubject() == null && jwt.getClaimAsString("sid") == null) {
                errors.add(invalid("sid or sub is required"));
            }
            if (jwt.hasClaim("nonce")) {
                errors.add(invalid("a logout token carries no nonce"));
            }
            return errors.isEmpty() ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(errors);
        };
    }

    private static OAuth2Error invalid(String why) {
        return new OAuth2Error("invalid_request", why, null);
    }
}
