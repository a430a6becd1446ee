package cn.gov.jieyang.talent.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.jieyang.talent.signing.DevelopmentCa;
import cn.gov.jieyang.talent.signing.DevelopmentTsa;
import cn.gov.jieyang.talent.signing.ForgedTimeStamps;
import cn.gov.jieyang.talent.signing.SignatureAlgorithm;
import cn.gov.jieyang.talent.signing.SigningException;
import cn.gov.jieyang.talent.signing.SigningKey;
import cn.gov.jieyang.talent.signing.TimeStampSource;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.assertj.core.api.AbstractThrowableAssert;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.Test;

/** The RFC 3161 client accepts a good token and names what is wrong with every bad answer. */
class TimeStampRequesterTest {

    private static final DevelopmentCa CA = DevelopmentCa.generate();
    private static final DevelopmentTsa TSA = DevelopmentTsa.of(CA.tsa());
    private static final byte[] DATA = "the signature value".getBytes(StandardCharsets.US_ASCII);

    @Test
    void acceptsATokenFromTheDevelopmentTsaOverTheDigestOfTheData() {
        Instant before = Instant.now().minusSeconds(1);

        TimeStampToken token = TimeStampRequester.request(TSA, DATA, Clock.systemUTC());

        assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(TimeStampRequester.sha256(DATA));
        assertThat(token.getTimeStampInfo().getGenTime().toInstant()).isAfter(before);
        assertThat(token.getTimeStampInfo().getPolicy().getId()).isEqualTo(DevTsaResponder.POLICY_OID);
        assertThat(token.getCertificates().getMatches(null)).isNotEmpty();
    }

    @Test
    void refusesARejection() {
        TimeStampSource rejecting = request -> TSA.exchange("not a request".getBytes(StandardCharsets.US_ASCII));

        assertRefused(rejecting).hasMessageContaining("refused the request (status 2");
    }

    @Test
    void refusesAnAnswerToAnotherRequest() {
        TimeStampSource replaying = request -> TSA.exchange(otherRequest(DATA, null));

        assertRefused(replaying).hasMessageContaining("another request's nonce");
    }

    @Test
    void refusesATokenOverOtherBytes() {
        TimeStampSource swapping = request -> TSA.exchange(otherRequest("other bytes".getBytes(StandardCharsets.US_ASCII),
                parse(request)));

        assertRefused(swapping).hasMessageContaining("message imprint differs");
    }

    @Test
    void refusesATokenSignedWithACertificateWithoutTheTimeStampingUsage() {
        SigningKey seal = CA.issueSeal(SignatureAlgorithm.ECDSA_P256_SHA256, "DEVELOPMENT seal posing as a TSA",
                Duration.ofDays(30));
        TimeStampSource forging = request -> {
            try {
                TimeStampRequest r = parse(request);
                return ForgedTimeStamps.granted(ForgedTimeStamps.token(seal, r.getMessageImprintDigest(),
                        r.getNonce(), Instant.now()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };

        assertRefused(forging).hasMessageContaining("not a TSA's", "no extended key usage");
    }

    @Test
    void refusesATsaWhoseClockIsFarOff() {
        DevelopmentTsa late = DevelopmentTsa.of(CA.tsa(), Clock.offset(Clock.systemUTC(), Duration.ofHours(1)));

        assertRefused(late).hasMessageContaining("more than 5 minutes from this machine's clock");
    }

    @Test
    void refusesGarbage() {
        assertRefused(request -> new byte[] {0x30, 0x03, 0x02, 0x01}).hasMessageContaining("not an RFC 3161");
    }

    @Test
    void failsClearlyWhenNoTsaAnswersAtTheUrl() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        TimeStampSource down = TimeStampSource.http(URI.create("http://user:secret@127.0.0.1:" + port + "/"),
                Duration.ofSeconds(2));

        assertRefused(down).hasMessageContaining("the TSA at http://127.0.0.1:" + port + "/ did not answer")
                .hasMessageNotContaining("secret");
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(TimeStampSource source) {
        return assertThatThrownBy(() -> TimeStampRequester.request(source, DATA, Clock.systemUTC()))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.reason()).isEqualTo(SigningException.Reason.TIME_STAMP_FAILURE));
    }

    private static TimeStampRequest parse(byte[] request) {
        try {
            return new TimeStampRequest(request);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] otherRequest(byte[] data, TimeStampRequest sameNonceAs) {
        try {
            TimeStampRequestGenerator g = new TimeStampRequestGenerator();
            g.setCertReq(true);
            return g.generate(TSPAlgorithms.SHA256, TimeStampRequester.sha256(data),
                    sameNonceAs == null ? java.math.BigInteger.TEN : sameNonceAs.getNonce()).getEncoded();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
