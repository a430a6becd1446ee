package cn.gov.jieyang.talent.portal.profile;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.portal.identity.IdNumberProtector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The ID-number key comes from configuration; the application refuses to start without a usable one. */
class IdentityKeyConfigTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(IdentityKeyConfig.class);

    @Test
    void makesTheProtectorFromTheConfiguredKey() {
        context.withPropertyValues("portal.identity.id-number-key=" + IdentityKeyProperties.DEVELOPMENT_KEY)
                .run(c -> assertThat(c).hasNotFailed().hasSingleBean(IdNumberProtector.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not base64 at all!", "c2hvcnQ=", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="})
    void refusesToStartWithAMissingMalformedShortOrPlaceholderKey(String key) {
        context.withPropertyValues("portal.identity.id-number-key=" + key)
                .run(c -> {
                    assertThat(c).hasFailed();
                    assertThat(c.getStartupFailure()).rootCause().hasMessageContaining("ID-number key");
                });
    }

    @Test
    void refusesToStartWithNoKeyConfigured() {
        context.run(c -> assertThat(c).hasFailed());
    }

    @Test
    void neverPrintsTheKey() {
        assertThat(new IdentityKeyProperties(IdentityKeyProperties.DEVELOPMENT_KEY).toString())
                .doesNotContain(IdentityKeyProperties.DEVELOPMENT_KEY);
    }
}
