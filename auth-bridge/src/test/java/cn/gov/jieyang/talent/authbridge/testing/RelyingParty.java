package cn.gov.jieyang.talent.authbridge.testing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.testsupport.http.Browser;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A standard OpenID Connect relying party, written against the protocol only: state, nonce, PKCE S256,
 * client authentication ({@code client_secret_basic}, or {@code private_key_jwt} as the portal does),
 * and ID tokens checked with nothing but what the bridge publishes at /jwks.
 *
 * <p>{@code new RelyingParty(bridge)} is {@code demo-rp} exactly as the dev profile registers it
 * (client_secret_basic); {@link #portal} is client {@code portal}, which has no secret at all.
 */
public final class RelyingParty {

    /** demo-rp's registered origin. Nothing listens here: tests read the redirect's Location header instead. */
    public static final String ORIGIN = "http://127.0.0.1:8090";
    public static final String REDIRECT_URI = ORIGIN + "/callback";
    public static final String CLIENT_ID = "demo-rp";
    public static final String SECRET = "demo-rp-dev-secret";

    /** Where the test registers client {@code portal} (nothing listens on port 1). */
    public static final String PORTAL_ORIGIN = "http://127.0.0.1:1";
    public static final String PORTAL_REDIRECT_URI = PORTAL_ORIGIN + "/login/oauth2/code/auth-bridge";
    /** The secret the portal had before it moved to private_key_jwt (dev profile, issue 11). */
    public static final String OLD_PORTAL_SECRET = "portal-dev-secret";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private final String bridge;
    private final String clientId;
    private final String secret;
    private final ECKey assertionKey;
    private final String redirectUri;

    /** {@code demo-rp}, as the dev profile registers it. */
    public RelyingParty(String bridge) {
        this(bridge, CLIENT_ID, SECRET, null, REDIRECT_URI);
    }

    private RelyingParty(String bridge, String clientId, String secret, ECKey assertionKey, String redirectUri) {
        this.bridge = bridge;
        this.clientId = clientId;
        this.secret = secret;
        this.assertionKey = assertionKey;
        this.redirectUri = redirectUri;
    }

    /**
     * Client {@code portal}, authenticating with {@code private_key_jwt} (RFC 7523) under {@code key},
     * whose public half the bridge must find at the registered {@code jwk-set-uri}.
     */
    public static RelyingParty portal(String bridge, ECKey key) {
        return new RelyingParty(bridge, "portal", null, key, PORTAL_REDIRECT_URI);
    }

    /** A new P-256 key whose kid is its RFC 7638 thumbprint, as the portal makes its own. */
    public static ECKey newAssertionKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint(true).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String clientId() {
        return clientId;
    }

    /** What the RP keeps between authorize and token. */
    public record Request(String authorizeUrl, String state, String nonce, String verifier) {
    }

    public Request newRequest(String scope) {
        return newRequest(scope, "");
    }

    public Request newRequest(String scope, String extraParameters) {
        String verifier = random(), state = random(), nonce = random();
        String url = bridge + "/oauth2/authorize?response_type=code&client_id=" + clientId
                + "&redirect_uri=" + redirectUri + "&scope=" + scope.replace(" ", "%20")
                + "&state=" + state + "&nonce=" + nonce + "&code_challenge=" + challenge(verifier)
                + "&code_challenge_method=S256" + extraParameters;
        return new Request(url, state, nonce, verifier);
    }

    /** The code from the bridge's final redirect, after checking it came back to us with our state. */
    public String codeFrom(Browser.Page last, Request request) {
        assertThat(last.status()).as(last.body()).isEqualTo(302);
        assertThat(last.location()).startsWith(redirectUri);
        Map<String, String> q = Browser.query(last.location());
        assertThat(q.get("state")).isEqualTo(request.state());
        return q.get("code");
    }

    public Map<String, Object> exchange(String code, Request request) throws Exception {
        HttpResponse<String> r = token(code, request.verifier());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSONObjectUtils.parse(r.body());
    }

    /** A token request authenticated as this client authenticates (its secret, or a fresh assertion). */
    public HttpResponse<String> token(String code, String verifier) throws Exception {
        return assertionKey == null ? tokenWithSecret(code, verifier, secret)
                : tokenWithAssertion(code, verifier, assertion());
    }

    /** A token request authenticated with {@code client_secret_basic} and {@code secret}. */
    public HttpResponse<String> tokenWithSecret(String code, String verifier, String secret) throws Exception {
        return post("/oauth2/token", codeGrant(code, verifier), basic(secret));
    }

    /** A token request authenticated with this {@code client_assertion} (or none, if null). */
    public HttpResponse<String> tokenWithAssertion(String code, String verifier, String assertion) throws Exception {
        String form = codeGrant(code, verifier) + "&client_id=" + clientId;
        if (assertion != null) {
            form += "&client_assertion_type=" + URLEncoder.encode(JWT_BEARER, StandardCharsets.UTF_8)
                    + "&client_assertion=" + assertion;
        }
        return post("/oauth2/token", form, null);
    }

    /** A valid client assertion: iss = sub = client id, aud = the token endpoint, a new jti, one minute. */
    public String assertion() {
        return assertion(claims -> { }, assertionKey);
    }

    /** A client assertion as {@link #assertion()}, its claims bent by {@code bend}, signed with {@code key}. */
    public String assertion(Consumer<JWTClaimsSet.Builder> bend, ECKey key) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(clientId).subject(clientId)
                .audience(bridge + "/oauth2/token").jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(60)));
        bend.accept(claims);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
                    claims.build());
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 7662 introspection of a token, authenticated as this client. */
    public Map<String, Object> introspect(String token) throws Exception {
        HttpResponse<String> r = assertionKey == null ? post("/oauth2/introspect", "token=" + token, basic(secret))
                : post("/oauth2/introspect", "token=" + token + "&client_id=" + clientId + "&client_assertion_type="
                        + URLEncoder.encode(JWT_BEARER, StandardCharsets.UTF_8) + "&client_assertion=" + assertion(), null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSONObjectUtils.parse(r.body());
    }

    private String codeGrant(String code, String verifier) {
        return "grant_type=authorization_code&code=" + code + "&redirect_uri=" + redirectUri
                + "&code_verifier=" + verifier;
    }

    private String basic(String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String path, String form, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(bridge + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> userinfo(String accessToken) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(bridge + "/userinfo"))
                .header("Authorization", "Bearer " + accessToken).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(bridge + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The ID token of a token response, verified; its nonce must be the request's. */
    public JWTClaimsSet verifiedIdToken(Map<String, Object> tokens, Request request) throws Exception {
        JWTClaimsSet claims = verify(SignedJWT.parse((String) tokens.get("id_token")));
        assertThat(claims.getStringClaim("nonce")).isEqualTo(request.nonce());
        return claims;
    }

    /** Verifies as an independent relying party would: only what /jwks publishes, ES256, issuer, audience. */
    public JWTClaimsSet verify(SignedJWT token) throws Exception {
        JWKSet jwks = JWKSet.parse(get("/jwks").body());
        assertThat(jwks.getKeys()).allMatch(k -> !k.isPrivate());
        DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
        p.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, null));
        p.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, new ImmutableJWKSet<>(jwks)));
        p.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(clientId,
                new JWTClaimsSet.Builder().issuer(bridge).build(), Set.of("sub", "iat", "exp", "nonce")));
        return p.process(token, null);
    }


    public static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
