package cn.gov.jieyang.talent.portal.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** What {@code portal.sealing.tsa.*} accepts: a wrong setting stops the start, not the first submission. */
class TimeStampPropertiesTest {

    private static TimeStampProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("portal.sealing.tsa", TimeStampProperties.class);
    }

    @Test
    void defaultsToNoTsaTenSecondsAndNoFallback() {
        TimeStampProperties p = bind(Map.of());

        assertThat(p.enabled()).isFalse();
        assertThat(p.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.fallbackToB()).isFalse();
        assertThat(bind(Map.of("portal.sealing.tsa.url", "")).enabled()).isFalse();
    }

    @Test
    void bindsTheUrlTimeoutAndFallback() {
        TimeStampProperties p = bind(Map.of("portal.sealing.tsa.url", "http://127.0.0.1:9300/",
                "portal.sealing.tsa.timeout", "3s", "portal.sealing.tsa.fallback-to-b", "true"));

        assertThat(p.url()).isEqualTo(URI.create("http://127.0.0.1:9300/"));
        assertThat(p.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(p.fallbackToB()).isTrue();
    }

    @Test
    void refusesAnotherSchemeCredentialsInTheUrlAndUnreasonableTimeouts() {
        Duration ten = Duration.ofSeconds(10);
        assertThatThrownBy(() -> new TimeStampProperties(URI.create("ftp://tsa.example/"), ten, false))
                .hasMessageContaining("http or https");
        assertThatThrownBy(() -> new TimeStampProperties(URI.create("https://user:secret@tsa.example/"), ten, false))
                .hasMessageContaining("user name or password").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> new TimeStampProperties(null, Duration.ZERO, false)).hasMessageContaining("timeout");
        assertThatThrownBy(() -> new TimeStampProperties(null, Duration.ofMinutes(5), false)).hasMessageContaining("timeout");
    }
}
