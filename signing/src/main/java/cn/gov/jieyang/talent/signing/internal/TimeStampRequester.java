package cn.gov.jieyang.talent.signing.internal;

import static cn.gov.jieyang.talent.signing.SigningException.Reason.TIME_STAMP_FAILURE;

import cn.gov.jieyang.talent.signing.SigningException;
import cn.gov.jieyang.talent.signing.TimeStampSource;
import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * The RFC 3161 client: asks a {@link TimeStampSource} for a token over SHA-256 of some bytes and
 * accepts it only when it checks out. Each check names what was wrong, for the operator.
 */
public final class TimeStampRequester {

    /** A TSA whose clock is further off than this is not believed (its time would be the proof). */
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeStampRequester() {
    }

    /**
     * @param source where to send the request
     * @param data   the bytes to time-stamp (for CAdES-T: the signature value)
     * @param clock  the local clock, to refuse a TSA whose time is far off
     * @return the checked token
     * @throws SigningException ({@link SigningException.Reason#TIME_STAMP_FAILURE}) when the TSA does not
     *                          answer or the answer does not check out
     */
    public static TimeStampToken request(TimeStampSource source, byte[] data, Clock clock) {
        byte[] digest = sha256(data);
        BigInteger nonce = new BigInteger(64, RANDOM);
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, digest, nonce);
        byte[] answer;
        try {
            answer = source.exchange(request.getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException("a request in memory always encodes", e);
        }
        TimeStampResponse response;
        try {
            response = new TimeStampResponse(answer);
        } catch (TSPException | IOException | RuntimeException e) {
            throw refused(source, "is not an RFC 3161 TimeStampResp");
        }
        int status = response.getStatus();
        if (status != PKIStatus.GRANTED && status != PKIStatus.GRANTED_WITH_MODS) {
            throw refused(source, "refused the request (status " + status
                    + (response.getStatusString() == null ? "" : ": " + response.getStatusString()) + ")");
        }
        TimeStampToken token = response.getTimeStampToken();
        if (token == null) {
            throw refused(source, "granted the request but sent no token");
        }
        var info = token.getTimeStampInfo();
        if (info.getNonce() == null || !info.getNonce().equals(nonce)) {
            throw refused(source, "answered with another request's nonce (a replayed or misrouted answer)");
        }
        if (!TSPAlgorithms.SHA256.equals(info.getMessageImprintAlgOID())
                || !MessageDigest.isEqual(digest, info.getMessageImprintDigest())) {
            throw refused(source, "time-stamped other bytes than the signature (message imprint differs)");
        }
        X509CertificateHolder tsaCert = tsaCertificate(source, token);
        TimeStampChecks.Eku eku = TimeStampChecks.timeStampingUsage(tsaCert);
        if (eku != TimeStampChecks.Eku.OK) {
            throw refused(source, "signs with a certificate that is not a TSA's: " + eku.message());
        }
        try {
            // Also checks the signature, the ESS signing-certificate reference and the certificate's
            // validity at genTime.
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Providers.BC).build(tsaCert));
            response.validate(request);
        } catch (Exception e) {
            throw refused(source, "sent a token that does not verify: " + e.getMessage());
        }
        Instant genTime = info.getGenTime().toInstant();
        if (Duration.between(genTime, clock.instant()).abs().compareTo(MAX_CLOCK_SKEW) > 0) {
            throw refused(source, "says the time is " + genTime + ", more than " + MAX_CLOCK_SKEW.toMinutes()
                    + " minutes from this machine's clock (" + clock.instant() + ")");
        }
        return token;
    }

    private static X509CertificateHolder tsaCertificate(TimeStampSource source, TimeStampToken token) {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> certs = token.getCertificates().getMatches(token.getSID());
        if (certs.isEmpty()) {
            throw refused(source, "sent a token without its certificate although the request asked for it");
        }
        return certs.iterator().next();
    }

    private static SigningException refused(TimeStampSource source, String what) {
        return new SigningException(TIME_STAMP_FAILURE, "the " + source + " " + what);
    }

    static byte[] sha256(byte[] data) {
        return AsicPackageSigner.sha256().digest(data);
    }
}
