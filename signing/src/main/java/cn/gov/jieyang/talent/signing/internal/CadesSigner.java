package cn.gov.jieyang.talent.signing.internal;

import cn.gov.jieyang.talent.signing.SigningException;
import cn.gov.jieyang.talent.signing.SigningKey;
import java.security.MessageDigest;
import java.security.cert.X509CRL;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CRLHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Produces the detached CAdES-BES (baseline B) CMS SignedData over the manifest: signed attributes
 * content-type, message-digest, signing-time and signing-certificate-v2; the signer's chain and the
 * CAs' CRLs embedded so that the package verifies offline.
 */
final class CadesSigner {

    private CadesSigner() {
    }

    static byte[] sign(SigningKey key, List<X509CRL> crls, byte[] manifest, Instant signingTime) {
        try {
            ContentSigner contentSigner = new JcaContentSignerBuilder(key.algorithm().jcaName())
                    .setProvider(Providers.BC).build(key.privateKey());
            SignerInfoGenerator signerInfo = new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(Providers.BC).build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(
                            signedAttributes(key, signingTime)))
                    .build(contentSigner, key.certificate());
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(signerInfo);
            generator.addCertificates(new JcaCertStore(key.chain()));
            for (X509CRL crl : crls) {
                generator.addCRL(new JcaX509CRLHolder(crl));
            }
            CMSSignedData signed = generator.generate(new CMSProcessableByteArray(manifest), false);
            return signed.getEncoded("DER");
        } catch (Exception e) {
            throw new SigningException(SigningException.Reason.CRYPTO_FAILURE, "creating the CMS signature failed", e);
        }
    }

    private static AttributeTable signedAttributes(SigningKey key, Instant signingTime) throws Exception {
        ASN1EncodableVector attrs = new ASN1EncodableVector();
        attrs.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signingTime)))));
        // signing-certificate-v2 binds the signature to this exact certificate (CAdES), so nobody can
        // swap in another certificate with the same key and claim a different signer.
        byte[] certHash = MessageDigest.getInstance("SHA-256").digest(key.certificate().getEncoded());
        X500Name issuer = X500Name.getInstance(key.certificate().getIssuerX500Principal().getEncoded());
        ESSCertIDv2 certId = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), certHash,
                new IssuerSerial(new GeneralNames(new GeneralName(issuer)), key.certificate().getSerialNumber()));
        attrs.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {certId}))));
        return new AttributeTable(attrs);
    }
}
