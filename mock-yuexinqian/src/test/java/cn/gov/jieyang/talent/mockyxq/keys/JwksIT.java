package cn.gov.jieyang.talent.mockyxq.keys;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.mockyxq.RunningMockTestBase;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JwksIT extends RunningMockTestBase {

    @Test
    void publishesOnePublicEcKeyWithKidUseAndAlg() throws Exception {
        HttpResponse<String> response = newBrowser().get("/jwks");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JWKSet set = JWKSet.parse(response.body());
        assertThat(set.getKeys()).hasSize(1);
        JWK key = set.getKeys().get(0);
        assertThat(key.isPrivate()).isFalse();
        Map<String, Object> json = key.toJSONObject();
        assertThat(json).containsEntry("kty", "EC").containsEntry("crv", "P-256").containsEntry("use", "sig")
                .containsEntry("alg", "ES256").containsKeys("kid", "x", "y").doesNotContainKey("d");
        assertThat(response.body()).doesNotContain("\"d\"");
    }
}
