package cn.gov.jieyang.talent.authbridge.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.authbridge.keys.BridgeKeys;
import cn.gov.jieyang.talent.testsupport.http.Browser;
import cn.gov.jieyang.talent.authbridge.testing.BridgeWithFakeYuexinqian;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tokens an attacker can make from a genuine one: the bridge's userinfo endpoint and its session
 * cookie check must refuse every one of them, while the genuine token still works.
 */
class ForgedTokensIT extends BridgeWithFakeYuexinqian {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Autowired
    BridgeKeys keys;

    private String accessToken;
    private String sessionCookie;

    @BeforeEach
    void genuineTokens() throws Exception {
        Browser b = Browser.phone();
        var request = RP.newRequest("openid");
        accessToken = (String) RP.exchange(RP.codeFrom(faceLogin(b, request.authorizeUrl()), request), request)
                .get("access_token");
        sessionCookie = b.cookie("JYB_SESSION");
        assertThat(RP.userinfo(accessToken).statusCode()).isEqualTo(200);
        assertThat(home(sessionCookie).statusCode()).isEqualTo(200);
    }

    enum Forgery { ALG_NONE, HS256_WITH_THE_PUBLIC_KEY, FOREIGN_KEY, EXPIRED }

    static Stream<Arguments> forgeries() {
        return Stream.of(Forgery.values()).map(Arguments::of);
    }

    @ParameterizedTest(name = "userinfo refuses {0}")
    @MethodSource("forgeries")
    void userinfoRefusesForgedAccessTokens(Forgery forgery) throws Exception {
        String forged = forge(accessToken, forgery);

        assertThat(RP.userinfo(forged).statusCode()).isEqualTo(401);
    }

    @ParameterizedTest(name = "session cookie refuses {0}")
    @MethodSource("forgeries")
    void sessionCheckRefusesForgedCookies(Forgery forgery) throws Exception {
        String forged = forge(sessionCookie, forgery);

        HttpResponse<String> r = home(forged);

        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @org.junit.jupiter.api.Test
    void sessionCheckRefusesAnAccessTokenPastedAsTheCookie() throws Exception {
        assertThat(home(accessToken).statusCode()).isEqualTo(302);
    }

    private String forge(String genuine, Forgery forgery) throws Exception {
        SignedJWT original = SignedJWT.parse(genuine);
        JWTClaimsSet claims = original.getJWTClaimsSet();
        JWSHeader header = original.getHeader();
        ECKey published = keys.activeKey().toPublicJWK();
        return switch (forgery) {
            case ALG_NONE -> new PlainJWT(claims).serialize();
            case HS256_WITH_THE_PUBLIC_KEY -> sign(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(header.getKeyID())
                    .type(header.getType()).build(), claims, new MACSigner(published.toECPublicKey().getEncoded()));
            case FOREIGN_KEY -> sign(header, claims, new ECDSASigner(
                    new ECKeyGenerator(Curve.P_256).keyID(header.getKeyID()).generate()));
            case EXPIRED -> sign(header, new JWTClaimsSet.Builder(claims)
                    .issueTime(Date.from(Instant.now().minusSeconds(7200)))
                    .expirationTime(Date.from(Instant.now().minusSeconds(3600))).build(),
                    new ECDSASigner(keys.activeKey()));
        };
    }

    private static String sign(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) throws Exception {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static HttpResponse<String> home(String cookie) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(BRIDGE + "/")).header("Cookie", "JYB_SESSION=" + cookie)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

}
