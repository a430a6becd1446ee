package cn.gov.jieyang.talent.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.portal.PortalOnTheStack;
import cn.gov.jieyang.talent.testsupport.http.Browser;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, item 8, over real HTTP (Tomcat, not MockMvc): behind the TLS-terminating proxy
 * ({@code X-Forwarded-Proto: https} from a trusted address, here 127.0.0.1) the portal sends HSTS and
 * its session cookie (Spring Session's {@code SESSION}) is {@code Secure}; over plain HTTP neither. The
 * container's own error page carries the same policy as the others.
 */
class PortalBehindTlsProxyIT extends PortalOnTheStack {

    @Test
    void behindATlsProxyTheSessionCookieIsSecureAndHstsIsSent() {
        // An anonymous visit: the portal remembers the page in a new session and sends the browser to log in.
        Browser.Page home = Browser.phone().get(stack().portalUrl() + "/", Map.of("X-Forwarded-Proto", "https"));

        assertThat(home.status()).isEqualTo(302);
        assertThat(home.response().headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                h -> assertThat(h).contains("max-age="));
        assertThat(home.setCookie("SESSION")).contains("; Secure", "HttpOnly");
    }

    @Test
    void overPlainHttpNeitherHstsNorASecureCookie() {
        Browser.Page home = Browser.phone().get(stack().portalUrl() + "/");

        assertThat(home.response().headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(home.setCookie("SESSION")).isNotNull().doesNotContain("Secure");
    }

    @Test
    void theContainersErrorPageHasTheSamePolicy() {
        Browser.Page missing = Browser.phone().get(stack().portalUrl() + "/css/no-such-file.css");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.response().headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'")
                        .doesNotContain("unsafe-inline"));
        assertThat(missing.response().headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    }
}
