package cn.gov.jieyang.talent.authbridge.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * 粤信签 at the process boundary, for the bridge's failure-mode tests: a WireMock server publishing a
 * JWKS, and a signer for callbacks exactly as the protocol describes, which a test then bends
 * (wrong key, wrong audience, expired...). The happy path through the real mock is tested elsewhere.
 */
public final class FakeYuexinqian implements AutoCloseable {

    public static final String APP_ID = "jieyang-hrss";
    /** A valid GB 11643 number (its check character is X). */
    public static final String ID_NUMBER = "44520219851231123X";

    private final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    private final ECKey key;

    public FakeYuexinqian() {
        try {
            key = new ECKeyGenerator(Curve.P_256).keyID("yxq-test-1").algorithm(JWSAlgorithm.ES256).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        server.start();
        publishKeys();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public WireMockServer server() {
        return server;
    }

    public void publishKeys() {
        server.stubFor(get("/jwks").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(new JWKSet(key.toPublicJWK()).toString())));
    }

    /** The claims of a verified callback for a transaction, ready to be bent by a test. */
    public JWTClaimsSet.Builder verifiedClaims(String txn, String nonce) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(baseUrl()).audience(APP_ID).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(120))).jwtID(UUID.randomUUID().toString())
                .claim("txn", txn).claim("nonce", nonce).claim("outcome", "verified").claim("name", "张三")
                .claim("id_type", "resident_id").claim("id_number", ID_NUMBER)
                .claim("verified_at", now.getEpochSecond()).claim("trust_level", "L4");
    }

    public String sign(JWTClaimsSet claims) {
        return sign(claims, key, h -> { });
    }

    public static String sign(JWTClaimsSet claims, ECKey with, Consumer<JWSHeader.Builder> header) {
        try {
            JWSHeader.Builder h = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(with.getKeyID())
                    .type(new JOSEObjectType("yxq-callback+jwt"));
            header.accept(h);
            SignedJWT jwt = new SignedJWT(h.build(), claims);
            jwt.sign(new ECDSASigner(with));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public ECKey key() {
        return key;
    }

    /** POSTs a callback to the bridge as 粤信签 would; returns status and body. */
    public static HttpResponse<String> deliver(String bridgeBaseUrl, String jws) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(bridgeBaseUrl + "/callbacks/yuexinqian"))
                    .header("Content-Type", "application/jose").POST(HttpRequest.BodyPublishers.ofString(jws)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
