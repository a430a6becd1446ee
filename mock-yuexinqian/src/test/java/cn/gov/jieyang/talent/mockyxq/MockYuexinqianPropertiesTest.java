package cn.gov.jieyang.talent.mockyxq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.jieyang.talent.mockyxq.MockYuexinqianProperties.App;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MockYuexinqianPropertiesTest {

    @Test
    void publicBaseUrlLosesItsTrailingSlashSoTheIssuerIsStable() {
        assertThat(ExampleProperties.properties(Path.of("x")).publicBaseUrl()).isEqualTo("http://127.0.0.1:9100");
    }

    @Test
    void appsAreFoundByIdAndRedirectUrisMatchExactly() {
        App app = ExampleProperties.properties(Path.of("x")).app("jieyang-hrss").orElseThrow();

        assertThat(app.allowsRedirectTo("http://127.0.0.1:9000/login/yuexinqian/return")).isTrue();
        assertThat(app.allowsRedirectTo("http://127.0.0.1:9000/login/yuexinqian/return/")).isFalse();
        assertThat(app.allowsRedirectTo("HTTP://127.0.0.1:9000/login/yuexinqian/return")).isFalse();
        assertThat(ExampleProperties.properties(Path.of("x")).app("other")).isEmpty();
    }

    @Test
    void displayNameDefaultsToTheAppId() {
        App app = new App("a", null, URI.create("http://h/cb"), List.of("http://h/r"));

        assertThat(app.displayName()).isEqualTo("a");
    }

    @Test
    void misconfigurationStopsTheStartWithTheProperty() {
        App app = ExampleProperties.app();
        assertThatThrownBy(() -> new MockYuexinqianProperties("127.0.0.1:9100", Path.of("x"), "pw", true, List.of(app)))
                .hasMessageContaining("public-base-url");
        assertThatThrownBy(() -> new MockYuexinqianProperties("http://h", Path.of("x"), "pw", true, List.of()))
                .hasMessageContaining("mock.yuexinqian.apps");
        assertThatThrownBy(() -> new MockYuexinqianProperties("http://h", Path.of("x"), "pw", true, List.of(app, app)))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> new App("a", null, URI.create("/relative"), List.of("http://h/r")))
                .hasMessageContaining("callback-url");
        assertThatThrownBy(() -> new App("a", null, URI.create("http://h/cb"), List.of()))
                .hasMessageContaining("redirect-uris");
    }

    @Test
    void thePasswordNeverAppearsInToString() {
        assertThat(new MockYuexinqianProperties("http://h", Path.of("x"), "hunter2", true, List.of(ExampleProperties.app())))
                .asString().doesNotContain("hunter2");
    }
}
