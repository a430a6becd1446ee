package cn.gov.jieyang.talent.signing.internal;

import cn.gov.jieyang.talent.signing.SigningException;
import cn.gov.jieyang.talent.signing.SigningKey;
import cn.gov.jieyang.talent.signing.SubIndication;
import cn.gov.jieyang.talent.signing.TimeStampSource;
import cn.gov.jieyang.talent.signing.VerificationReport;
import java.io.IOException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Detached CAdES signatures over a few bytes held in memory (audit checkpoints), made and checked with
 * exactly the code that signs and verifies a package's manifest: the same signed attributes, the same
 * algorithm allow-list, time-stamp checks and chain judgement (proof of existence).
 *
 * <p>The time-stamp is kept beside the signature rather than inside it: a token over the SignerInfo's
 * signature value, the same imprint as CAdES-T's signature-time-stamp, so that a signature whose TSA
 * did not answer is stored at once and is visibly unstamped. Verification puts the token back as the
 * unsigned attribute and checks the CAdES-T.
 */
public final class DetachedSignatures {

    /**
     * A time-stamp token and the time it vouches for.
     *
     * @param token   the DER RFC 3161 token
     * @param genTime its time
     */
    public record Stamp(byte[] token, Instant genTime) {
    }

    private DetachedSignatures() {
    }

    /**
     * @param key         the seal
     * @param crls        CRLs to embed
     * @param content     what is signed (not embedded)
     * @param signingTime the signing-time attribute
     * @return the DER CMS SignedData
     */
    public static byte[] sign(SigningKey key, List<X509CRL> crls, byte[] content, Instant signingTime) {
        return CadesSigner.sign(key, crls, content, signingTime);
    }

    /**
     * Asks a TSA for a token over the signature's value and checks the answer.
     *
     * @param p7s    a signature from {@link #sign}
     * @param source the TSA
     * @param clock  the local clock
     * @return the token
     * @throws SigningException ({@link SigningException.Reason#TIME_STAMP_FAILURE}) when the TSA fails
     */
    public static Stamp timeStamp(byte[] p7s, TimeStampSource source, Clock clock) {
        byte[] value;
        try {
            value = new CMSSignedData(p7s).getSignerInfos().getSigners().iterator().next().getSignature();
        } catch (CMSException e) {
            throw new SigningException(SigningException.Reason.INVALID_INPUT, "not a CMS signature", e);
        }
        TimeStampToken token = TimeStampRequester.request(source, value, clock);
        try {
            return new Stamp(token.getEncoded(), token.getTimeStampInfo().getGenTime().toInstant());
        } catch (IOException e) {
            throw new IllegalStateException("a token in memory always encodes", e);
        }
    }

    /**
     * Verifies a detached signature, with its time-stamp if there is one.
     *
     * @param p7s            the signature
     * @param token          the time-stamp token over its value, or null
     * @param content        the bytes it should cover
     * @param contentName    what they are called in the report's sentences
     * @param anchors        trusted certificates
     * @param crls           CRLs beside the embedded ones
     * @param validationTime when it is judged
     * @return the report: signature, time-stamp, chain (no files)
     */
    public static VerificationReport verify(byte[] p7s, byte[] token, byte[] content, String contentName,
                                            List<X509Certificate> anchors, List<X509CRL> crls, Instant validationTime) {
        VerificationReport.Builder report = VerificationReport.builder().validationTime(validationTime);
        byte[] signature = p7s;
        if (token != null) {
            try {
                signature = SignatureTimeStamper.addToken(p7s, token);
            } catch (SigningException e) {
                report.warning("the time-stamp token cannot be read, so it proves nothing");
            }
        }
        try {
            CadesVerifier.verify(signature, "the signature", content, contentName,
                    new VerifyContext(anchors, crls, validationTime, null), report);
        } catch (FormatException e) {
            report.problem(SubIndication.FORMAT_FAILURE, e.getMessage());
        }
        return report.build();
    }
}
