package cn.gov.jieyang.talent.mockyxq.callback;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.mockyxq.callback.CallbackSender.Delivery;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The retry rules of docs/yuexinqian-protocol.md section 3, with a short backoff so they run fast. */
class CallbackSenderTest {

    private static final String PATH = "/callbacks/yuexinqian";
    private static final List<Duration> QUICK = List.of(Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMillis(10));
    private static WireMockServer bridge;

    private final CallbackSender sender = new CallbackSender(CallbackSender.defaultClient(), QUICK, Duration.ofSeconds(30));

    @BeforeAll
    static void startBridge() {
        bridge = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        bridge.start();
    }

    @AfterAll
    static void stopBridge() {
        bridge.stop();
    }

    @BeforeEach
    void reset() {
        bridge.resetAll();
    }

    private URI url() {
        return URI.create(bridge.baseUrl() + PATH);
    }

    @Test
    void a204IsAcceptedAtTheFirstAttemptAndTheBodyIsTheJwsAsApplicationJose() {
        bridge.stubFor(post(PATH).willReturn(aResponse().withStatus(204)));

        Delivery delivery = sender.deliver(url(), "header.payload.signature");

        assertThat(delivery.accepted()).isTrue();
        assertThat(delivery.attempts()).isEqualTo(1);
        bridge.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("Content-Type", equalTo("application/jose"))
                .withRequestBody(equalTo("header.payload.signature")));
    }

    @Test
    void a5xxIsRetriedUntilAccepted() {
        stubSequence(500, 503, 204);

        Delivery delivery = sender.deliver(url(), "jws");

        assertThat(delivery.accepted()).isTrue();
        assertThat(delivery.attempts()).isEqualTo(3);
    }

    @Test
    void retriesStopAfterThree() {
        bridge.stubFor(post(PATH).willReturn(aResponse().withStatus(502)));

        Delivery delivery = sender.deliver(url(), "jws");

        assertThat(delivery.accepted()).isFalse();
        assertThat(delivery.attempts()).isEqualTo(4);
        bridge.verify(4, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void a400IsFinalAndItsErrorCodeIsReported() {
        bridge.stubFor(post(PATH).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": \"replayed\", \"error_description\": \"seen before\"}")));

        Delivery delivery = sender.deliver(url(), "jws");

        assertThat(delivery.accepted()).isFalse();
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(delivery.lastResult()).isEqualTo("HTTP 400 replayed");
    }

    @Test
    void aDroppedConnectionIsRetried() {
        bridge.stubFor(post(PATH).inScenario("drop").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("up"));
        bridge.stubFor(post(PATH).inScenario("drop").whenScenarioStateIs("up").willReturn(aResponse().withStatus(204)));

        Delivery delivery = sender.deliver(url(), "jws");

        assertThat(delivery.accepted()).isTrue();
        assertThat(delivery.attempts()).isEqualTo(2);
    }

    @Test
    void nobodyListeningIsNoAnswerAndRetried() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Delivery delivery = sender.deliver(URI.create("http://127.0.0.1:" + closedPort + PATH), "jws");

        assertThat(delivery.accepted()).isFalse();
        assertThat(delivery.attempts()).isEqualTo(4);
        assertThat(delivery.lastResult()).startsWith("no answer");
    }

    @Test
    void noRetryStartsAfterTheRetryWindow() {
        bridge.stubFor(post(PATH).willReturn(aResponse().withStatus(500)));
        CallbackSender impatient = new CallbackSender(CallbackSender.defaultClient(), QUICK, Duration.ofMillis(5));

        Delivery delivery = impatient.deliver(url(), "jws");

        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(delivery.lastResult()).contains("retry window");
    }

    @Test
    void theProductionScheduleFitsThreeRetriesIntoThirtySeconds() {
        assertThat(CallbackSender.BACKOFF).hasSize(3);
        Duration worstCase = CallbackSender.BACKOFF.stream().reduce(Duration.ZERO, Duration::plus)
                .plus(Duration.ofSeconds(5).multipliedBy(3)); // three read timeouts before the last retry starts
        assertThat(worstCase).isLessThan(CallbackSender.RETRY_WINDOW);
    }

    private void stubSequence(int... statuses) {
        String state = Scenario.STARTED;
        for (int i = 0; i < statuses.length; i++) {
            String next = "step-" + (i + 1);
            bridge.stubFor(post(PATH).inScenario("sequence").whenScenarioStateIs(state)
                    .willReturn(aResponse().withStatus(statuses[i])).willSetStateTo(next));
            state = next;
        }
    }
}
