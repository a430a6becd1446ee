package cn.gov.jieyang.talent.portal.profile;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.identity.IdNumber;
import cn.gov.jieyang.talent.portal.identity.IdNumberProtector;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The ID-number keys come from configuration; the application refuses to start without usable ones. */
class IdentityKeyConfigTest {

    private static final String OTHER_KEY = Base64.getEncoder().encodeToString(new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
        31, 32});
    private static final IdNumber RESIDENT = IdNumber.residentId("44520219851231123X");

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(IdentityKeyConfig.class);

    @Test
    void makesTheProtectorFromTheConfiguredKey() {
        context.withPropertyValues("portal.identity.id-number-key=" + IdentityKeyProperties.DEVELOPMENT_KEY)
                .run(c -> assertThat(c).hasNotFailed().hasSingleBean(IdNumberProtector.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64 at all!", "c2hvcnQ=", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="})
    void refusesToStartWithAMalformedShortOrPlaceholderKeyNamingThePropertyNotTheValue(String key) {
        context.withPropertyValues("portal.identity.id-number-key=" + key)
                .run(c -> {
                    assertThat(c).hasFailed();
                    assertThat(c.getStartupFailure()).rootCause()
                            .hasMessageContaining("portal.identity.id-number-key (PORTAL_IDENTITY_ID_NUMBER_KEY)")
                            .hasMessageContaining("openssl rand -base64 32")
                            .hasMessageNotContaining(key);
                });
    }

    @Test
    void refusesToStartWithAnEmptyOrNoKey() {
        context.withPropertyValues("portal.identity.id-number-key=").run(c -> assertThat(c.getStartupFailure())
                .rootCause().hasMessageContaining("portal.identity.id-number-key (PORTAL_IDENTITY_ID_NUMBER_KEY) is not set"));
        context.run(c -> assertThat(c).hasFailed());
    }

    @Test
    void refusesToStartWithAMalformedOlderOrLookupKey() {
        context.withPropertyValues("portal.identity.id-number-key=" + OTHER_KEY,
                        "portal.identity.previous-id-number-keys=" + IdentityKeyProperties.DEVELOPMENT_KEY + ",c2hvcnQ=")
                .run(c -> assertThat(c.getStartupFailure()).rootCause()
                        .hasMessageContaining("item 2 of portal.identity.previous-id-number-keys"));
        context.withPropertyValues("portal.identity.id-number-key=" + OTHER_KEY, "portal.identity.lookup-key=c2hvcnQ=")
                .run(c -> assertThat(c.getStartupFailure()).rootCause()
                        .hasMessageContaining("portal.identity.lookup-key (PORTAL_IDENTITY_LOOKUP_KEY)"));
    }

    @Test
    void afterARotationOldRecordsStillOpenAndAreStillFoundWhenTheLookupKeyIsPinned() {
        IdNumberProtector before = IdentityKeyConfig.protector(
                new IdentityKeyProperties(IdentityKeyProperties.DEVELOPMENT_KEY, null, null));
        String sealedBefore = before.seal(RESIDENT);

        IdNumberProtector rotated = IdentityKeyConfig.protector(new IdentityKeyProperties(OTHER_KEY,
                List.of(IdentityKeyProperties.DEVELOPMENT_KEY), IdentityKeyProperties.DEVELOPMENT_KEY));

        assertThat(rotated.open(sealedBefore, RESIDENT.type())).isEqualTo(RESIDENT);
        assertThat(rotated.lookupHash(RESIDENT)).isEqualTo(before.lookupHash(RESIDENT));
        assertThat(IdentityKeyConfig.protector(new IdentityKeyProperties(OTHER_KEY, null, null)).lookupHash(RESIDENT))
                .as("without the pinned lookup key every stored hash would stop matching")
                .isNotEqualTo(before.lookupHash(RESIDENT));
    }

    @Test
    void neverPrintsAKey() {
        assertThat(new IdentityKeyProperties(IdentityKeyProperties.DEVELOPMENT_KEY, List.of(OTHER_KEY), OTHER_KEY)
                .toString()).doesNotContain(IdentityKeyProperties.DEVELOPMENT_KEY).doesNotContain(OTHER_KEY);
    }
}
