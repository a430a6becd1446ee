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
 * log in with face verification against ./run's stack ({@link #RP}, with exactly the dev profile's
 * registration): its own secret, its own redirect URI, tokens for its own audience, and nothing of the
 * portal's.
 */
class DemoRelyingPartyIT extends BridgeWithFakeYuexinqian {

    @Test
    void logsInWithFaceVerificationAndGetsTheIdNumberUnderTheRealnameScope() throws Exception {
        RelyingParty.Request request = RP.newRequest("openid profile realname");
        String code = RP.codeFrom(faceLogin(Browser.phone(), request.authorizeUrl()), request);
        Map<String, Object> tokens = RP.exchange(code, request);

        JWTClaimsSet idToken = RP.verifiedIdToken(tokens, request);
        assertThat(idToken.getAudience()).containsExactly("demo-rp");
        assertThat(idToken.getStringClaim("acr")).isEqualTo("urn:gd:trust:L4");
        assertThat(RP.userinfo((String) tokens.get("access_token")).body())
                .contains("\"id_number\":\"44520219851231123X\"");
    }

    @Test
    void cannotAuthenticateWithThePortalsAssertionNorRedeemAPortalCode() throws Exception {
        RelyingParty.Request request = PORTAL.newRequest("openid");
        String portalCode = PORTAL.codeFrom(faceLogin(Browser.phone(), request.authorizeUrl(),
                RelyingParty.PORTAL_ORIGIN), request);

        assertThat(RP.tokenWithAssertion(portalCode, request.verifier(), PORTAL.assertion()).statusCode())
                .isEqualTo(401);
        assertThat(RP.token(portalCode, request.verifier()).statusCode()).isEqualTo(400);
    }
}
