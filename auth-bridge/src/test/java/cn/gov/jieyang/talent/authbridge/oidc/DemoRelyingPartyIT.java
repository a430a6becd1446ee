package cn.gov.jieyang.talent.authbridge.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.authbridge.testing.BridgeWithFakeYuexinqian;
import cn.gov.jieyang.talent.authbridge.testing.RelyingParty;
import cn.gov.jieyang.talent.testsupport.http.Browser;
import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code demo-rp}, the relying party the dev profile registers so that any OpenID Connect tool can
 * log in with face verification against ./run's stack: its own secret, its own redirect URI, tokens
 * for its own audience, and nothing of the portal's.
 */
class DemoRelyingPartyIT extends BridgeWithFakeYuexinqian {

    private static final RelyingParty DEMO = RelyingParty.demo(BRIDGE);

    @Test
    void logsInWithFaceVerificationAndGetsTheIdNumberUnderTheRealnameScope() throws Exception {
        RelyingParty.Request request = DEMO.newRequest("openid profile realname");
        String code = DEMO.codeFrom(faceLogin(Browser.phone(), request.authorizeUrl(), RelyingParty.DEMO_ORIGIN),
                request);
        Map<String, Object> tokens = DEMO.exchange(code, request);

        JWTClaimsSet idToken = DEMO.verifiedIdToken(tokens, request);
        assertThat(idToken.getAudience()).containsExactly("demo-rp");
        assertThat(idToken.getStringClaim("acr")).isEqualTo("urn:gd:trust:L4");
        assertThat(DEMO.userinfo((String) tokens.get("access_token")).body())
                .contains("\"id_number\":\"44520219851231123X\"");
    }

    @Test
    void cannotUseThePortalsSecretNorRedeemAPortalCode() throws Exception {
        RelyingParty.Request request = RP.newRequest("openid");
        String portalCode = RP.codeFrom(faceLogin(Browser.phone(), request.authorizeUrl()), request);

        assertThat(DEMO.tokenWithSecret("x", request.verifier(), RelyingParty.SECRET).statusCode()).isEqualTo(401);
        assertThat(DEMO.token(portalCode, request.verifier()).statusCode()).isEqualTo(400);
    }
}
