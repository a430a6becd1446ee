package cn.gov.jieyang.talent.signing.internal;

import cn.gov.jieyang.talent.signing.SignatureAlgorithm;
import cn.gov.jieyang.talent.signing.SigningException;
import cn.gov.jieyang.talent.signing.SigningKey;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The machinery behind {@code DevelopmentCa}: key generation, certificates and CRLs. The CA and
 * seal profiles are those a real seal needs for CAdES and {@code openssl cms -verify}: the CA has
 * critical basicConstraints CA:true and keyCertSign/cRLSign; a seal has digitalSignature and
 * nonRepudiation and no extended key usage; a TSA has digitalSignature and the critical extended key
 * usage id-kp-timeStamping.
 */
public final class DevCaIssuer {

    private static final Duration BACKDATE = Duration.ofMinutes(1);
    private static final Duration CA_LIFETIME = Duration.ofDays(3650);
    /** How long a seal lives by default (three years). */
    public static final Duration SEAL_LIFETIME = Duration.ofDays(1095);
    /**
     * How long a TSA certificate lives by default: as long as the CA, so that a signature time-stamp
     * stays verifiable for the CA's life (a real TSA's key is used for a shorter period than its
     * certificate lives, for the same reason).
     */
    public static final Duration TSA_LIFETIME = CA_LIFETIME;
    private static final Duration CRL_LIFETIME = Duration.ofDays(365);

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final KeyPair caKeys;
    private final X509Certificate ca;
    private final Map<BigInteger, Instant> revoked = new LinkedHashMap<>();
    private X509CRL crl;

    /** @param clock the clock for validity periods */
    public DevCaIssuer(Clock clock) {
        this.clock = clock;
        try {
            this.caKeys = generate(SignatureAlgorithm.ECDSA_P256_SHA256);
            X500Name name = name("DEVELOPMENT Jieyang HRSS Talent Services CA (not for production)");
            Instant from = clock.instant().minus(BACKDATE);
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(), Date.from(from),
                    Date.from(from.plus(CA_LIFETIME)), name, caKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            ext.createSubjectKeyIdentifier(caKeys.getPublic()));
            this.ca = toCertificate(b);
            this.crl = issueCrl();
        } catch (Exception e) {
            throw new SigningException(SigningException.Reason.CRYPTO_FAILURE, "cannot create the development CA", e);
        }
    }

    /** @return the CA certificate */
    public X509Certificate caCertificate() {
        return ca;
    }

    /** @return the current CRL */
    public synchronized X509CRL crl() {
        return crl;
    }

    /**
     * @param algorithm  the seal's algorithm
     * @param commonName its common name
     * @param lifetime   how long it is valid, from a minute before the clock's instant
     * @return a seal signed by this CA
     */
    public SigningKey issueSeal(SignatureAlgorithm algorithm, String commonName, Duration lifetime) {
        return issue(algorithm, commonName, lifetime, false);
    }

    /**
     * A time-stamping unit's key: P-256, digitalSignature, and the critical extended key usage
     * id-kp-timeStamping alone, as RFC 3161 section 2.3 requires and {@code openssl ts -verify} checks.
     *
     * @param commonName its common name
     * @param lifetime   how long it is valid, from a minute before the clock's instant
     * @return the TSA key and chain
     */
    public SigningKey issueTsa(String commonName, Duration lifetime) {
        return issue(SignatureAlgorithm.ECDSA_P256_SHA256, commonName, lifetime, true);
    }

    private SigningKey issue(SignatureAlgorithm algorithm, String commonName, Duration lifetime, boolean tsa) {
        try {
            KeyPair keys = generate(algorithm);
            Instant from = clock.instant().minus(BACKDATE);
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(ca, serial(), Date.from(from),
                    Date.from(from.plus(lifetime)), name(commonName), keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(tsa ? KeyUsage.digitalSignature
                            : KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            ext.createSubjectKeyIdentifier(keys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(ca));
            if (tsa) {
                b.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
            }
            return SigningKey.of(keys.getPrivate(), List.of(toCertificate(b), ca));
        } catch (SigningException e) {
            throw e;
        } catch (Exception e) {
            throw new SigningException(SigningException.Reason.CRYPTO_FAILURE,
                    "cannot issue a development " + (tsa ? "TSA certificate" : "seal"), e);
        }
    }

    /**
     * @param certificate a certificate of this CA
     * @param revokedAt   when it was revoked
     * @return the new CRL
     */
    public synchronized X509CRL revoke(X509Certificate certificate, Instant revokedAt) {
        revoked.put(certificate.getSerialNumber(), revokedAt);
        try {
            crl = issueCrl();
        } catch (Exception e) {
            throw new SigningException(SigningException.Reason.CRYPTO_FAILURE, "cannot issue a CRL", e);
        }
        return crl;
    }

    private X509CRL issueCrl() throws Exception {
        Instant now = clock.instant().minus(BACKDATE);
        X509v2CRLBuilder b = new X509v2CRLBuilder(X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()),
                Date.from(now));
        b.setNextUpdate(Date.from(now.plus(CRL_LIFETIME)));
        for (Map.Entry<BigInteger, Instant> e : revoked.entrySet()) {
            b.addCRLEntry(e.getKey(), Date.from(e.getValue()), CRLReason.keyCompromise);
        }
        b.addExtension(Extension.cRLNumber, false,
                new org.bouncycastle.asn1.x509.CRLNumber(BigInteger.valueOf(clock.millis())));
        return new JcaX509CRLConverter().setProvider(Providers.BC).getCRL(b.build(caSigner()));
    }

    private ContentSigner caSigner() throws Exception {
        return new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Providers.BC).build(caKeys.getPrivate());
    }

    private X509Certificate toCertificate(X509v3CertificateBuilder b) throws Exception {
        return new JcaX509CertificateConverter().setProvider(Providers.BC).getCertificate(b.build(caSigner()));
    }

    private KeyPair generate(SignatureAlgorithm algorithm) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", Providers.BC);
        g.initialize(new ECGenParameterSpec(algorithm == SignatureAlgorithm.SM2_SM3 ? "sm2p256v1" : "secp256r1"),
                random);
        return g.generateKeyPair();
    }

    private BigInteger serial() {
        return new BigInteger(127, random).setBit(126);
    }

    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "CN")
                .addRDN(BCStyle.ST, "Guangdong")
                .addRDN(BCStyle.L, "Jieyang")
                .addRDN(BCStyle.O, "Jieyang Human Resources and Social Security Bureau (DEVELOPMENT)")
                .addRDN(BCStyle.CN, commonName)
                .build();
    }
}
