package cn.gov.jieyang.talent.signing.internal;

import cn.gov.jieyang.talent.signing.SigningException;
import cn.gov.jieyang.talent.signing.SigningKey;
import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Date;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * The development TSA's engine: Bouncy Castle's RFC 3161 response generator over a TSA key. Tokens
 * carry an ESS signing-certificate-v2 (SHA-256) reference, one second of accuracy, and the TSA's
 * chain when the request asks for it. Anything unparsable gets a rejection, never an exception.
 */
public final class DevTsaResponder {

    /**
     * The development policy: an OID under the UUID arc 2.25 (ITU-T X.667), which needs no
     * registration and names no real policy.
     */
    public static final String POLICY_OID = "2.25.336987885306381766250996637763131374002";

    private final TimeStampResponseGenerator generator;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param key   the TSA key; its certificate must carry the critical id-kp-timeStamping usage
     * @param clock the source of genTime
     */
    public DevTsaResponder(SigningKey key, Clock clock) {
        this.clock = clock;
        try {
            SignerInfoGenerator signer = new JcaSimpleSignerInfoGeneratorBuilder().setProvider(Providers.BC)
                    .build(key.algorithm().jcaName(), key.privateKey(), key.certificate());
            DigestCalculator sha256 = new JcaDigestCalculatorProviderBuilder().setProvider(Providers.BC).build()
                    .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(signer, sha256,
                    new ASN1ObjectIdentifier(POLICY_OID));
            tokens.addCertificates(new JcaCertStore(key.chain()));
            tokens.setAccuracySeconds(1);
            this.generator = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
        } catch (TSPException | IllegalArgumentException e) {
            // Bouncy Castle refuses a certificate without the critical, sole id-kp-timeStamping usage.
            throw new SigningException(SigningException.Reason.CERTIFICATE_UNUSABLE,
                    "not a time-stamping certificate: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new SigningException(SigningException.Reason.CRYPTO_FAILURE, "cannot set up the development TSA", e);
        }
    }

    /**
     * @param requestDer a DER TimeStampReq
     * @return a DER TimeStampResp: granted, or a rejection saying why
     */
    public byte[] respond(byte[] requestDer) {
        try {
            TimeStampRequest request;
            try {
                request = new TimeStampRequest(requestDer);
            } catch (IOException | RuntimeException e) {
                return generator.generateFailResponse(PKIStatus.REJECTION, PKIFailureInfo.badDataFormat,
                        "not a TimeStampReq").getEncoded();
            }
            // An unaccepted algorithm or policy yields a rejection response here, not an exception.
            return generator.generateGrantedResponse(request, new BigInteger(64, random).setBit(63),
                    Date.from(clock.instant())).getEncoded();
        } catch (TSPException | IOException e) {
            throw new SigningException(SigningException.Reason.CRYPTO_FAILURE, "the development TSA failed", e);
        }
    }
}
