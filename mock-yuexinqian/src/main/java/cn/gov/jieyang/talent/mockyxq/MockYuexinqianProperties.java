package cn.gov.jieyang.talent.mockyxq;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration under {@code mock.yuexinqian}. Checked when bound, so a typo in a URL or a
 * duplicated app stops the start with a message instead of surfacing as a confusing login failure.
 *
 * @param publicBaseUrl       the URL people and the bridge use to reach this mock; also the
 *                            {@code iss} of every callback (no trailing slash)
 * @param dataDir             where the signing key and the remembered persons live
 * @param keystorePassword    password of the PKCS#12 key file
 * @param testControlEnabled  whether {@code /test-control/mode} answers (else 404)
 * @param apps                the registered relying applications
 */
@ConfigurationProperties("mock.yuexinqian")
public record MockYuexinqianProperties(
        @DefaultValue("http://127.0.0.1:9100") String publicBaseUrl,
        @DefaultValue(".run-state/mock-yuexinqian") Path dataDir,
        @DefaultValue("mock-yuexinqian-dev") String keystorePassword,
        @DefaultValue("true") boolean testControlEnabled,
        List<App> apps) {

    public MockYuexinqianProperties {
        publicBaseUrl = stripTrailingSlash(requireHttpUrl("mock.yuexinqian.public-base-url", publicBaseUrl));
        if (keystorePassword == null || keystorePassword.isEmpty()) {
            throw new IllegalArgumentException("mock.yuexinqian.keystore-password must not be empty");
        }
        apps = apps == null ? List.of() : List.copyOf(apps);
        if (apps.isEmpty()) {
            throw new IllegalArgumentException(
                    "mock.yuexinqian.apps is empty: register at least one app (app-id, callback-url, redirect-uris)");
        }
        Set<String> seen = new HashSet<>();
        for (App app : apps) {
            if (!seen.add(app.appId())) {
                throw new IllegalArgumentException("mock.yuexinqian.apps: app-id '" + app.appId() + "' is registered twice");
            }
        }
    }

    /** The registered app with this id, if any. */
    public Optional<App> app(String appId) {
        return apps.stream().filter(app -> app.appId().equals(appId)).findFirst();
    }

    /** Keeps the keystore password out of logs and error messages. */
    @Override
    public String toString() {
        return "MockYuexinqianProperties[publicBaseUrl=" + publicBaseUrl + ", dataDir=" + dataDir
                + ", keystorePassword=******, testControlEnabled=" + testControlEnabled + ", apps=" + apps + "]";
    }

    /**
     * A relying application registered with 粤信签.
     *
     * @param appId        its {@code app_id}; also the {@code aud} of its callbacks
     * @param displayName  the name shown on the consent page (defaults to the app id)
     * @param callbackUrl  where signed callbacks are POSTed
     * @param redirectUris the only {@code redirect_uri} values accepted, compared exactly
     */
    public record App(String appId, String displayName, URI callbackUrl, List<String> redirectUris) {

        public App {
            if (appId == null || appId.isBlank()) {
                throw new IllegalArgumentException("mock.yuexinqian.apps[].app-id must be set");
            }
            displayName = displayName == null || displayName.isBlank() ? appId : displayName;
            if (callbackUrl == null) {
                throw new IllegalArgumentException("mock.yuexinqian.apps[" + appId + "].callback-url must be set");
            }
            requireHttpUrl("mock.yuexinqian.apps[" + appId + "].callback-url", callbackUrl.toString());
            redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
            if (redirectUris.isEmpty()) {
                throw new IllegalArgumentException("mock.yuexinqian.apps[" + appId + "].redirect-uris must not be empty");
            }
            redirectUris.forEach(uri -> requireHttpUrl("mock.yuexinqian.apps[" + appId + "].redirect-uris", uri));
        }

        /** Exact string comparison, as the protocol demands: no normalisation, no prefix matching. */
        public boolean allowsRedirectTo(String redirectUri) {
            return redirectUris.contains(redirectUri);
        }
    }

    private static String requireHttpUrl(String property, String value) {
        URI uri;
        try {
            uri = value == null ? null : URI.create(value);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || !uri.isAbsolute() || uri.getHost() == null
                || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException(property + " must be an absolute http(s) URL, got '" + value + "'");
        }
        return value;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
