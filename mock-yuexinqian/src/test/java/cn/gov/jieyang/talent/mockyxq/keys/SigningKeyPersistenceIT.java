package cn.gov.jieyang.talent.mockyxq.keys;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.mockyxq.Browser;
import cn.gov.jieyang.talent.mockyxq.MockYuexinqianApplication;
import com.nimbusds.jose.jwk.JWKSet;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stops and starts the whole mock on one data directory: the signing key (so the kid the bridge
 * cached) and the remembered persons must come back.
 */
class SigningKeyPersistenceIT {

    private static final String VALID_ID = "44520119900307123X";

    @TempDir
    Path dataDir;

    @Test
    void kidAndPublicKeySurviveARestart() throws Exception {
        String first = runMock(browser -> browser.get("/jwks").body());
        assertThat(Files.exists(dataDir.resolve("keys.p12"))).isTrue();

        String second = runMock(browser -> browser.get("/jwks").body());

        assertThat(JWKSet.parse(second).getKeys().get(0).getKeyID())
                .isEqualTo(JWKSet.parse(first).getKeys().get(0).getKeyID());
        assertThat(JWKSet.parse(second).getKeys().get(0).toJSONObject())
                .isEqualTo(JWKSet.parse(first).getKeys().get(0).toJSONObject());
    }

    @Test
    void aReturningPersonIsRecognisedAfterARestart() {
        String personCookie = runMock(browser -> {
            HttpResponse<String> form = agree(browser);
            browser.post("/flow/person", Map.of("flow", Browser.flowId(form), "name", "张三",
                    "idType", "resident_id", "idNumber", VALID_ID, "consent", "yes"));
            return browser.cookie("yxq_person").orElseThrow().getValue();
        });

        String afterRestart = runMock(browser -> {
            browser.setCookie("yxq_person", personCookie);
            return agree(browser).body();
        });

        assertThat(afterRestart).contains("value=\"pass\"").contains("4452**********123X")
                .doesNotContain("name=\"idNumber\"");
    }

    private static HttpResponse<String> agree(Browser browser) {
        HttpResponse<String> consent = browser.get("/authorize?app_id=jieyang-hrss"
                + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A9000%2Flogin%2Fyuexinqian%2Freturn"
                + "&state=state-0123456789abcdef&nonce=nonce-0123456789abcdef&txn=txn-0123456789abcdef");
        return browser.post("/flow/consent", Map.of("flow", Browser.flowId(consent), "decision", "agree"));
    }

    /** Starts the mock on a free port with this test's data directory, runs {@code use}, stops it. */
    private <T> T runMock(Function<Browser, T> use) {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MockYuexinqianApplication.class)
                .run("--server.port=0", "--server.address=127.0.0.1", "--spring.main.banner-mode=off",
                        "--mock.yuexinqian.data-dir=" + dataDir)) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            return use.apply(new Browser(port));
        }
    }
}
