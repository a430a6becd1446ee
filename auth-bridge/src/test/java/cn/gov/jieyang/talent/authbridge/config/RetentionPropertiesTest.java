package cn.gov.jieyang.talent.authbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Retention is configuration with documented defaults, and a value that would delete live rows is refused. */
class RetentionPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RetentionProperties.class)
    static class Binding {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Binding.class);

    @Test
    void keepsExpiredRowsADayByDefault() {
        runner.run(context -> assertThat(context.getBean(RetentionProperties.class))
                .isEqualTo(new RetentionProperties(Duration.ofDays(1), Duration.ofDays(1), Duration.ofDays(1))));
    }

    @Test
    void takesEachRetentionFromConfiguration() {
        runner.withPropertyValues("bridge.retention.sessions=PT2H", "bridge.retention.face-transactions=30m")
                .run(context -> {
                    RetentionProperties retention = context.getBean(RetentionProperties.class);
                    assertThat(retention.sessions()).isEqualTo(Duration.ofHours(2));
                    assertThat(retention.faceTransactions()).isEqualTo(Duration.ofMinutes(30));
                    assertThat(retention.authorizations()).isEqualTo(Duration.ofDays(1));
                });
    }

    @Test
    void refusesARetentionThatWouldDeleteLiveRows() {
        runner.withPropertyValues("bridge.retention.sessions=PT0S").run(context -> assertThat(context)
                .hasFailed().getFailure().rootCause().hasMessageContaining("bridge.retention.sessions must be positive"));
    }
}
