package cn.gov.jieyang.talent.mockyxq;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The mock on a random port with WireMock playing the auth-bridge's callback endpoint. Every IT
 * that extends this without adding configuration shares one Spring context, one WireMock and one
 * temporary data directory (Spring caches the context by configuration; the WireMock and the
 * directory are static for the same reason). Switches and WireMock are reset before each test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class RunningMockTestBase {

    public static final String APP_ID = "jieyang-hrss";
    public static final String APP_NAME = "揭阳智慧人社";
    public static final String REDIRECT_URI = "http://127.0.0.1:9000/login/yuexinqian/return";
    public static final String CALLBACK_PATH = "/callbacks/yuexinqian";
    public static final String ISSUER = "http://127.0.0.1:9100";
    /** 4452**********123X once masked; its check character is right. */
    public static final String VALID_ID = "44520119900307123X";

    protected static final WireMockServer BRIDGE = startBridge();
    protected static final Path DATA_DIR = temporaryDataDir();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void mockProperties(DynamicPropertyRegistry registry) {
        registry.add("mock.yuexinqian.data-dir", DATA_DIR::toString);
        registry.add("mock.yuexinqian.public-base-url", () -> ISSUER);
        // A list is taken whole from the most specific source, so every field of the app is given.
        registry.add("mock.yuexinqian.apps[0].app-id", () -> APP_ID);
        registry.add("mock.yuexinqian.apps[0].display-name", () -> APP_NAME);
        registry.add("mock.yuexinqian.apps[0].callback-url", () -> BRIDGE.baseUrl() + CALLBACK_PATH);
        registry.add("mock.yuexinqian.apps[0].redirect-uris[0]", () -> REDIRECT_URI);
    }

    @BeforeEach
    void resetBridgeAndSwitches() {
        BRIDGE.resetAll();
        BRIDGE.stubFor(post(CALLBACK_PATH).willReturn(aResponse().withStatus(204)));
        // Ignored status: a context with test control switched off answers 404 here.
        new Browser(port).send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/test-control/mode")).DELETE());
    }

    protected Browser newBrowser() {
        return new Browser(port);
    }

    /** {@code /authorize} as the bridge would build it, with fresh state, nonce and txn. */
    protected static AuthorizeParams freshParams() {
        return new AuthorizeParams(random(), random(), random());
    }

    protected static String authorizePath(AuthorizeParams p) {
        return "/authorize?app_id=" + APP_ID + "&redirect_uri=" + URLEncoder.encode(REDIRECT_URI, StandardCharsets.UTF_8)
                + "&state=" + p.state() + "&nonce=" + p.nonce() + "&txn=" + p.txn();
    }

    /** Consent page, then agree: the first-time form or (returning person) the face check. */
    protected static HttpResponse<String> agree(Browser browser, AuthorizeParams params) {
        HttpResponse<String> consent = browser.get(authorizePath(params));
        assertThat(consent.statusCode()).isEqualTo(200);
        return browser.post("/flow/consent", Map.of("flow", Browser.flowId(consent), "decision", "agree"));
    }

    /** From the consent page through the first-time form to the face check. */
    protected static HttpResponse<String> reachFaceCheckAsNewPerson(Browser browser, AuthorizeParams params, String name,
                                                                    String idNumber) {
        HttpResponse<String> form = agree(browser, params);
        assertThat(form.body()).contains("name=\"idNumber\"");
        HttpResponse<String> face = browser.post("/flow/person", Map.of("flow", Browser.flowId(form), "name", name,
                "idType", "resident_id", "idNumber", idNumber, "consent", "yes"));
        assertThat(face.statusCode()).isEqualTo(200);
        assertThat(face.body()).contains("value=\"pass\"");
        return face;
    }

    protected static HttpResponse<String> clickFace(Browser browser, HttpResponse<String> facePage, String result) {
        return browser.post("/flow/face", Map.of("flow", Browser.flowId(facePage), "result", result));
    }

    /** The whole way for a new person: consent, form, face check with {@code result}. */
    protected static HttpResponse<String> loginAsNewPerson(Browser browser, AuthorizeParams params, String result) {
        return clickFace(browser, reachFaceCheckAsNewPerson(browser, params, "张三", VALID_ID), result);
    }

    protected static List<LoggedRequest> callbacksReceived() {
        return BRIDGE.findAll(postRequestedFor(urlEqualTo(CALLBACK_PATH)));
    }

    protected JWKSet publishedKeys() {
        HttpResponse<String> jwks = newBrowser().get("/jwks");
        assertThat(jwks.statusCode()).isEqualTo(200);
        try {
            return JWKSet.parse(jwks.body());
        } catch (java.text.ParseException e) {
            throw new AssertionError("/jwks is not a JWK set: " + jwks.body(), e);
        }
    }

    /** Whether the JWS verifies with the key its header names, taken from {@code GET /jwks}. */
    protected boolean verifiesAgainstPublishedKeys(SignedJWT jwt) {
        JWK key = publishedKeys().getKeyByKeyId(jwt.getHeader().getKeyID());
        if (key == null) {
            return false;
        }
        try {
            return jwt.verify(new ECDSAVerifier((ECKey) key));
        } catch (Exception e) {
            return false;
        }
    }

    protected static SignedJWT parse(LoggedRequest callback) {
        try {
            return SignedJWT.parse(callback.getBodyAsString());
        } catch (java.text.ParseException e) {
            throw new AssertionError("callback body is not a JWS", e);
        }
    }

    private static String random() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    public record AuthorizeParams(String state, String nonce, String txn) {
    }

    private static WireMockServer startBridge() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    private static Path temporaryDataDir() {
        try {
            Path dir = Files.createTempDirectory("mock-yuexinqian-it");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temp directory left behind is harmless.
        }
    }
}
