package cn.gov.jieyang.talent.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Shared assertions: a refusal has the expected code and does not echo the refused value. */
final class IdentityAssertions {

    /** Any run of this many characters of the input counts as leaking it (a birth date is 8). */
    private static final int LEAK_FRAGMENT = 6;

    private IdentityAssertions() {
    }

    static InvalidIdentityException assertRefused(ThrowingCallable call, String input, String code) {
        InvalidIdentityException e = catchThrowableOfType(call, InvalidIdentityException.class);
        assertThat(e).as("refusal of a value").isNotNull();
        assertThat(e.code()).isEqualTo(code);
        assertNoFragmentOf(input, e.getMessage());
        return e;
    }

    static void assertNoFragmentOf(String secret, String message) {
        assertThat(message).isNotBlank();
        String s = secret == null ? "" : secret.strip();
        for (int i = 0; i + LEAK_FRAGMENT <= s.length(); i++) {
            String fragment = s.substring(i, i + LEAK_FRAGMENT);
            assertThat(message).as("message must not quote the input").doesNotContainIgnoringCase(fragment);
        }
    }
}
