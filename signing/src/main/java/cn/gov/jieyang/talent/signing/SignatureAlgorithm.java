package cn.gov.jieyang.talent.signing;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;

/**
 * The signature algorithms this library signs with. The algorithm follows from the key: a P-256
 * key signs with ECDSA/SHA-256, an SM2 key with SM2/SM3 (GB/T 35276, default signer ID
 * {@code 1234567812345678}). Nothing weaker is offered.
 */
public enum SignatureAlgorithm {

    /** ECDSA on NIST P-256 with SHA-256: the default, understood by every standard validator. */
    ECDSA_P256_SHA256("SHA256withECDSA", "SHA-256", SECObjectIdentifiers.secp256r1),

    /** SM2 with SM3, for deployments that must use the Chinese commercial algorithms. */
    SM2_SM3("SM3withSM2", "SM3", GMObjectIdentifiers.sm2p256v1);

    private final String jcaName;
    private final String digestName;
    private final ASN1ObjectIdentifier curve;

    SignatureAlgorithm(String jcaName, String digestName, ASN1ObjectIdentifier curve) {
        this.jcaName = jcaName;
        this.digestName = digestName;
        this.curve = curve;
    }

    /** @return the JCA signature algorithm name, e.g. {@code SHA256withECDSA} */
    public String jcaName() {
        return jcaName;
    }

    /** @return the digest used inside the CMS signature, e.g. {@code SHA-256} */
    public String digestName() {
        return digestName;
    }

    /**
     * Finds the algorithm for an elliptic curve.
     *
     * @param curveOid the named curve of a key
     * @return the algorithm, or {@code null} if the curve is not one this library signs with
     */
    public static SignatureAlgorithm forCurve(ASN1ObjectIdentifier curveOid) {
        for (SignatureAlgorithm a : values()) {
            if (a.curve.equals(curveOid)) {
                return a;
            }
        }
        return null;
    }
}
