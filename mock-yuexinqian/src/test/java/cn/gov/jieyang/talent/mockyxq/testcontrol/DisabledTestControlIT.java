package cn.gov.jieyang.talent.mockyxq.testcontrol;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.mockyxq.RunningMockTestBase;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** With {@code mock.yuexinqian.test-control-enabled=false} the switches do not exist. */
@TestPropertySource(properties = "mock.yuexinqian.test-control-enabled=false")
class DisabledTestControlIT extends RunningMockTestBase {

    @Test
    void modeEndpointsAnswer404() {
        URI mode = URI.create("http://127.0.0.1:" + port + "/test-control/mode");

        assertThat(newBrowser().send(HttpRequest.newBuilder(mode)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"jwks\":\"error\"}"))).statusCode()).isEqualTo(404);
        assertThat(newBrowser().send(HttpRequest.newBuilder(mode).DELETE()).statusCode()).isEqualTo(404);
        assertThat(newBrowser().send(HttpRequest.newBuilder(mode).GET()).statusCode()).isEqualTo(404);
        assertThat(newBrowser().get("/jwks").statusCode()).isEqualTo(200);
    }
}
