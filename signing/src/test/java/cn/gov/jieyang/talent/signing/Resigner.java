package cn.gov.jieyang.talent.signing;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CRLHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Makes the CMS signatures over a manifest that {@link PackageSigner} never would, the way a legacy
 * tool, a careless signer or an attacker could: another algorithm, a signed attribute left out, a
 * certificate whose key usage forbids signing (which {@link SigningKey} would refuse to load).
 */
public final class Resigner {

    private static final Provider BC = new BouncyCastleProvider();

    /**
     * A key with its chain (signer first) and the issuer's CRL; the last certificate is the root.
     *
     * @param key   the private key
     * @param chain the signer's certificate first
     * @param crl   the issuer's CRL
     */
    public record Seal(PrivateKey key, List<X509Certificate> chain, X509CRL crl) {
        X509Certificate root() {
            return chain.get(chain.size() - 1);
        }
    }

    private final Seal seal;
    private String algorithm = "SHA256withECDSA";
    private ASN1ObjectIdentifier leftOut;

    private Resigner(Seal seal) {
        this.seal = seal;
    }

    /**
     * Signs like our signer does (same attributes, same algorithm) until told otherwise.
     *
     * @param seal the key to sign with
     * @return the resigner
     */
    public static Resigner with(Seal seal) {
        return new Resigner(seal);
    }

    /** The development seal of {@link PackageFixture#CA}. */
    static Seal developmentSeal() {
        SigningKey k = PackageFixture.CA.sealP256();
        return new Seal(k.privateKey(), k.chain(), PackageFixture.CA.crl());
    }

    /**
     * @param jcaName e.g. {@code SHA1withECDSA}
     * @return this
     */
    Resigner algorithm(String jcaName) {
        this.algorithm = jcaName;
        return this;
    }

    /**
     * @param attribute a signed attribute to leave out, e.g. {@link CMSAttributes#signingTime}
     * @return this
     */
    Resigner without(ASN1ObjectIdentifier attribute) {
        this.leftOut = attribute;
        return this;
    }

    /**
     * @param manifest the bytes to sign (a manifest, a checkpoint's content)
     * @return a detached CMS SignedData over them, DER
     */
    public byte[] sign(byte[] manifest) {
        try {
            ContentSigner signer = new JcaContentSignerBuilder(algorithm).setProvider(BC).build(seal.key());
            AttributeTable ours = new AttributeTable(new DERSet(new Attribute[] {
                    new Attribute(CMSAttributes.signingTime, new DERSet(new Time(new Date()))),
                    signingCertificateV2(seal.chain().get(0))}));
            DefaultSignedAttributeTableGenerator standard = new DefaultSignedAttributeTableGenerator(ours);
            // The standard generator adds a signing time of its own when there is none: remove after it.
            CMSAttributeTableGenerator attributes = params -> leftOut == null
                    ? standard.getAttributes(params) : standard.getAttributes(params).remove(leftOut);
            CMSSignedDataGenerator g = new CMSSignedDataGenerator();
            g.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(BC).build())
                    .setSignedAttributeGenerator(attributes)
                    .build(signer, seal.chain().get(0)));
            g.addCertificates(new JcaCertStore(seal.chain()));
            g.addCRL(new JcaX509CRLHolder(seal.crl()));
            return g.generate(new CMSProcessableByteArray(manifest), false).getEncoded("DER");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A CA of its own and a P-256 certificate it issued whose only key usage is keyAgreement: the
     * certificate may not sign, yet the key can produce a mathematically valid signature.
     */
    static Seal sealWhoseCertificateMayNotSign() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC", BC);
            g.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair caKeys = g.generateKeyPair();
            KeyPair leafKeys = g.generateKeyPair();
            X500Name caName = new X500Name("CN=TEST CA of a key-agreement certificate");
            Date from = Date.from(Instant.now().minusSeconds(60));
            Date to = Date.from(Instant.now().plusSeconds(86_400));
            ContentSigner caSigner = new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BC)
                    .build(caKeys.getPrivate());
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter().setProvider(BC);
            X509Certificate ca = converter.getCertificate(new JcaX509v3CertificateBuilder(caName, BigInteger.ONE,
                    from, to, caName, caKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .build(caSigner));
            X509Certificate leaf = converter.getCertificate(new JcaX509v3CertificateBuilder(caName, BigInteger.TWO,
                    from, to, new X500Name("CN=TEST key-agreement certificate"), leafKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyAgreement))
                    .build(caSigner));
            X509v2CRLBuilder crl = new X509v2CRLBuilder(caName, from);
            crl.setNextUpdate(to);
            return new Seal(leafKeys.getPrivate(), List.of(leaf, ca),
                    new JcaX509CRLConverter().setProvider(BC).getCRL(crl.build(caSigner)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Attribute signingCertificateV2(X509Certificate cert) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
        return new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {new ESSCertIDv2(hash)})));
    }
}
