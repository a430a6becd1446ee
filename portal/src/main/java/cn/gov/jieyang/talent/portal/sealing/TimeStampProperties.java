package cn.gov.jieyang.talent.portal.sealing;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The time-stamping authority (RFC 3161) that dates every sealed package ({@code portal.sealing.tsa.*};
 * ADR 005). With a URL each package is CAdES-T: the TSA's token over the seal's signature is the proof
 * that the package existed at that time, which keeps it verifiable after the seal's certificate
 * expires. Without one packages are baseline B, and verify INDETERMINATE once the seal has expired.
 *
 * @param url        the TSA's URL ({@code http} or {@code https}, no user name or password in it); none:
 *                   packages are not time-stamped
 * @param timeout    how long a submission waits for the TSA (connecting and the whole answer): the
 *                   applicant waits as long
 * @param fallbackToB what happens when the TSA does not answer or its answer does not check out: false
 *                   (default), sealing fails, nothing is stored and the applicant is asked to try again;
 *                   true, the package is sealed at baseline B and a WARN says so
 */
@ConfigurationProperties("portal.sealing.tsa")
public record TimeStampProperties(URI url, @DefaultValue("10s") Duration timeout,
        @DefaultValue("false") boolean fallbackToB) {

    /** The most a submission may be kept waiting for the TSA. */
    static final Duration MAX_TIMEOUT = Duration.ofMinutes(1);

    /**
     * Checks the settings, so that a wrong one stops the start rather than the first submission.
     *
     * @param url         URL or null
     * @param timeout     positive, at most a minute
     * @param fallbackToB the fallback choice
     */
    public TimeStampProperties {
        if (url != null && url.toString().isBlank()) {
            url = null; // PORTAL_SEALING_TSA_URL= (empty) means none, as leaving it out does
        }
        if (url != null) {
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
                throw new IllegalArgumentException("portal.sealing.tsa.url must be an http or https URL with a host");
            }
            if (url.getRawUserInfo() != null) {
                // The URL is logged at startup; credentials there would end up in every log.
                throw new IllegalArgumentException("portal.sealing.tsa.url must not contain a user name or password");
            }
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("portal.sealing.tsa.timeout must be more than 0 and at most " + MAX_TIMEOUT);
        }
    }

    /** @return true when a TSA is configured */
    public boolean enabled() {
        return url != null;
    }
}
