package cn.gov.jieyang.talent.mockyxq.authorize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.jieyang.talent.mockyxq.MockYuexinqianProperties;
import cn.gov.jieyang.talent.mockyxq.ExampleProperties;
import cn.gov.jieyang.talent.mockyxq.web.ErrorPageException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class AuthorizationRequestTest {

    private static final MockYuexinqianProperties PROPERTIES = ExampleProperties.properties(Path.of("unused"));

    private static MultiValueMap<String, String> good() {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        params.add("app_id", "jieyang-hrss");
        params.add("redirect_uri", "http://127.0.0.1:9000/login/yuexinqian/return");
        params.add("state", "state_0123456789-abc");
        params.add("nonce", "nonce_0123456789-abc");
        params.add("txn", "txn_0123456789-abcde");
        return params;
    }

    @Test
    void aGoodRequestIsTakenAsIs() {
        AuthorizationRequest request = AuthorizationRequest.from(good(), PROPERTIES);

        assertThat(request.app().appId()).isEqualTo("jieyang-hrss");
        assertThat(request.state()).isEqualTo("state_0123456789-abc");
        assertThat(request.nonce()).isEqualTo("nonce_0123456789-abc");
        assertThat(request.txn()).isEqualTo("txn_0123456789-abcde");
    }

    @Test
    void unknownAppAndUnregisteredRedirectUriHaveTheirOwnMessages() {
        MultiValueMap<String, String> unknownApp = good();
        unknownApp.set("app_id", "other");
        MultiValueMap<String, String> badRedirect = good();
        badRedirect.set("redirect_uri", "http://127.0.0.1:9000/login/yuexinqian/return?x=1");

        assertRefused(unknownApp, "error.authorize.unknownApp");
        assertRefused(badRedirect, "error.authorize.redirectUri");
    }

    @Test
    void opaqueValuesMustBe16To128UrlSafeCharacters() {
        for (String name : new String[] {"state", "nonce", "txn"}) {
            for (String bad : new String[] {"x".repeat(15), "x".repeat(129), "0123456789abcdef+", "0123456789abcdef.", "0123456789abcdéf"}) {
                MultiValueMap<String, String> params = good();
                params.set(name, bad);
                assertRefused(params, "error.authorize.parameter");
            }
            MultiValueMap<String, String> edge = good();
            edge.set(name, "A".repeat(16));
            assertThat(AuthorizationRequest.from(edge, PROPERTIES)).isNotNull();
            edge.set(name, "-_".repeat(64));
            assertThat(AuthorizationRequest.from(edge, PROPERTIES)).isNotNull();
        }
    }

    @Test
    void missingOrRepeatedParametersAreRefused() {
        for (String name : new String[] {"app_id", "redirect_uri", "state", "nonce", "txn"}) {
            MultiValueMap<String, String> missing = good();
            missing.remove(name);
            assertThatThrownBy(() -> AuthorizationRequest.from(missing, PROPERTIES)).isInstanceOf(ErrorPageException.class);
            MultiValueMap<String, String> repeated = good();
            repeated.add(name, repeated.getFirst(name));
            assertThatThrownBy(() -> AuthorizationRequest.from(repeated, PROPERTIES)).isInstanceOf(ErrorPageException.class);
        }
    }

    @Test
    void returnUriCarriesStateTxnAndTheErrorIfAny() {
        AuthorizationRequest request = AuthorizationRequest.from(good(), PROPERTIES);

        assertThat(request.returnUri(null)).isEqualTo(
                "http://127.0.0.1:9000/login/yuexinqian/return?state=state_0123456789-abc&txn=txn_0123456789-abcde");
        assertThat(request.returnUri("cancelled")).endsWith("&error=cancelled");
    }

    @Test
    void returnUriKeepsAQueryTheRegisteredUriAlreadyHas() {
        MultiValueMap<String, String> params = good();
        params.set("redirect_uri", "https://app.example/return?from=yxq");

        assertThat(AuthorizationRequest.from(params, PROPERTIES).returnUri(null))
                .isEqualTo("https://app.example/return?from=yxq&state=state_0123456789-abc&txn=txn_0123456789-abcde");
    }

    private static void assertRefused(MultiValueMap<String, String> params, String key) {
        assertThatThrownBy(() -> AuthorizationRequest.from(params, PROPERTIES))
                .isInstanceOfSatisfying(ErrorPageException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.messageKey()).isEqualTo(key);
                });
    }
}
