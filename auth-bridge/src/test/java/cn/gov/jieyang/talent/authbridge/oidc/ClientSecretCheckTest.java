package cn.gov.jieyang.talent.authbridge.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientSecretCheckTest {

    private final ClientSecretCheck check = new ClientSecretCheck();

    @Test
    void acceptsTheSecretRegisteredAsItsSha256OrAsNoop() {
        String registered = check.encode("demo-rp-dev-secret");

        assertThat(registered).startsWith("{sha256}").doesNotContain("demo-rp-dev-secret");
        assertThat(check.matches("demo-rp-dev-secret", registered)).isTrue();
        assertThat(check.matches("demo-rp-dev-secret", "{noop}demo-rp-dev-secret")).isTrue();
    }

    @Test
    void refusesAWrongSecretAndEveryOtherRegisteredForm() {
        assertThat(check.matches("demo-rp-dev-secreT", check.encode("demo-rp-dev-secret"))).isFalse();
        assertThat(check.matches("", "{noop}")).isFalse();
        assertThat(check.matches("x", "{sha256}not-hex")).isFalse();
        assertThat(check.matches("x", "x")).isFalse();
        assertThat(check.matches("x", "{bcrypt}$2a$10$abc")).isFalse();
        assertThat(check.matches(null, "{noop}x")).isFalse();
        assertThat(check.upgradeEncoding("{noop}x")).isFalse();
    }
}
