package cn.gov.jieyang.talent.signing;

import cn.gov.jieyang.talent.signing.internal.HttpTimeStampSource;
import java.net.URI;
import java.time.Duration;

/**
 * Where RFC 3161 time-stamp tokens come from: a time-stamping authority (TSA) that answers a DER
 * {@code TimeStampReq} with a DER {@code TimeStampResp}.
 *
 * <p>A source only carries bytes. Whoever uses it ({@link PackageSigner}) builds the request (a fresh
 * nonce, {@code certReq} true) and checks the answer itself: status granted, the same nonce, the
 * message imprint, the token's signature, and the TSA certificate's critical id-kp-timeStamping
 * extended key usage. A source therefore needs no trust of its own.
 */
public interface TimeStampSource {

    /**
     * Sends one request and returns the answer.
     *
     * @param timeStampRequest a DER-encoded RFC 3161 {@code TimeStampReq}
     * @return the DER-encoded {@code TimeStampResp}
     * @throws SigningException ({@link SigningException.Reason#TIME_STAMP_FAILURE}) when the TSA cannot be
     *                          reached or does not answer in time
     */
    byte[] exchange(byte[] timeStampRequest);

    /**
     * A TSA reached by HTTP POST ({@code application/timestamp-query}, RFC 3161 section 3.4), with a
     * ten-second timeout.
     *
     * @param url the TSA's URL, {@code http} or {@code https}
     * @return the source
     */
    static TimeStampSource http(URI url) {
        return http(url, Duration.ofSeconds(10));
    }

    /**
     * A TSA reached by HTTP POST.
     *
     * @param url     the TSA's URL, {@code http} or {@code https}
     * @param timeout how long to wait for connecting and for the whole answer
     * @return the source
     * @throws SigningException ({@link SigningException.Reason#INVALID_INPUT}) for another scheme
     */
    static TimeStampSource http(URI url, Duration timeout) {
        return new HttpTimeStampSource(url, timeout);
    }
}
