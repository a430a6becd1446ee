package cn.gov.jieyang.talent.mockyxq.person;

import java.time.Duration;
import org.springframework.http.ResponseCookie;

/** The {@code yxq_person} cookie: how 粤信签 recognises a returning person's phone. */
public final class PersonCookie {

    public static final String NAME = "yxq_person";

    private static final Duration LIFETIME = Duration.ofDays(365);

    private PersonCookie() {
    }

    /**
     * HttpOnly (no script needs it), SameSite=Lax (sent on the top-level GET from the relying app's
     * redirect, not on cross-site sub-requests), Secure when the mock is served over https.
     */
    public static ResponseCookie of(Person person, boolean secure) {
        return ResponseCookie.from(NAME, person.id())
                .httpOnly(true)
                .sameSite("Lax")
                .secure(secure)
                .path("/")
                .maxAge(LIFETIME)
                .build();
    }
}
