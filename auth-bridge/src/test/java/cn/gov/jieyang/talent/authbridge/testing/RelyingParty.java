package cn.gov.jieyang.talent.authbridge.testing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.testsupport.http.Browser;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * A standard OpenID Connect relying party (the portal's registration), written against the protocol
 * only: state, nonce, PKCE S256, client_secret_basic, and ID tokens checked with nothing but what the
 * bridge publishes at /jwks.
 */
public final class RelyingParty {

    /** Nothing listens here: tests read the redirect's Location header instead. */
    public static final String ORIGIN = "http://127.0.0.1:1";
    public static final String REDIRECT_URI = ORIGIN + "/login/oauth2/code/auth-bridge";
    public static final String CLIENT_ID = "portal";
    public static final String SECRET = "portal-dev-secret";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The demonstration relying party ./run registers under the dev profile. */
    public static final String DEMO_ORIGIN = "http://127.0.0.1:8090";

    private final String bridge;
    private final String clientId;
    private final String secret;
    private final String redirectUri;

    /** The portal's registration. */
    public RelyingParty(String bridge) {
        this(bridge, CLIENT_ID, SECRET, REDIRECT_URI);
    }

    private RelyingParty(String bridge, String clientId, String secret, String redirectUri) {
        this.bridge = bridge;
        this.clientId = clientId;
        this.secret = secret;
        this.redirectUri = redirectUri;
    }

    /** {@code demo-rp}, as the dev profile registers it. */
    public static RelyingParty demo(String bridge) {
        return new RelyingParty(bridge, "demo-rp", "demo-rp-dev-secret", DEMO_ORIGIN + "/callback");
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

    public HttpResponse<String> token(String code, String verifier) throws Exception {
        return tokenWithSecret(code, verifier, secret);
    }

    /** A token request authenticated with {@code secret} instead of the client's own. */
    public HttpResponse<String> tokenWithSecret(String code, String verifier, String secret) throws Exception {
        String form = "grant_type=authorization_code&code=" + code + "&redirect_uri=" + redirectUri
                + "&code_verifier=" + verifier;
        return HTTP.send(HttpRequest.newBuilder(URI.create(bridge + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** RFC 7662 introspection of a token, authenticated as this client. */
    public Map<String, Object> introspect(String token) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(bridge + "/oauth2/introspect"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSONObjectUtils.parse(r.body());
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
