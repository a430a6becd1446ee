package cn.gov.jieyang.talent.signing;

import cn.gov.jieyang.talent.signing.internal.DevTsaResponder;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Objects;

/**
 * A development time-stamping authority (RFC 3161), for {@code signing.jar dev-tsa}, {@code ./run}
 * and tests; never for production, where the bureau uses an accredited TSA. Used directly as a
 * {@link TimeStampSource}, it answers in-process.
 *
 * <pre>{@code
 * DevelopmentTsa tsa = DevelopmentTsa.of(SigningKey.fromPkcs12(tsaP12, password));
 * byte[] timeStampResp = tsa.exchange(timeStampReq);
 * }</pre>
 */
public final class DevelopmentTsa implements TimeStampSource {

    private final SigningKey key;
    private final DevTsaResponder responder;

    private DevelopmentTsa(SigningKey key, Clock clock) {
        this.key = key;
        this.responder = new DevTsaResponder(key, clock);
    }

    /**
     * @param key the TSA's key, e.g. {@link DevelopmentCa#tsa()}
     * @return the TSA, whose genTime is the system clock's
     * @throws SigningException ({@link SigningException.Reason#CERTIFICATE_UNUSABLE}) when the certificate
     *                          lacks the critical id-kp-timeStamping extended key usage
     */
    public static DevelopmentTsa of(SigningKey key) {
        return of(key, Clock.systemUTC());
    }

    /**
     * @param key   the TSA's key
     * @param clock the source of genTime (tests)
     * @return the TSA
     */
    public static DevelopmentTsa of(SigningKey key, Clock clock) {
        return new DevelopmentTsa(Objects.requireNonNull(key, "key"), Objects.requireNonNull(clock, "clock"));
    }

    /** @return the TSA's certificate */
    public X509Certificate certificate() {
        return key.certificate();
    }

    /**
     * Answers a request. Never throws for bad input: an unparsable request, or one with an
     * algorithm this TSA does not accept, gets a rejection response.
     *
     * @param timeStampRequest a DER TimeStampReq
     * @return the DER TimeStampResp
     */
    @Override
    public byte[] exchange(byte[] timeStampRequest) {
        return responder.respond(Objects.requireNonNull(timeStampRequest, "timeStampRequest"));
    }

    @Override
    public String toString() {
        return "development TSA " + key.certificate().getSubjectX500Principal().getName();
    }
}
