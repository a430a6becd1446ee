package cn.gov.jieyang.talent.signing;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.cmp.PKIStatusInfo;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.tsp.MessageImprint;
import org.bouncycastle.asn1.tsp.TSTInfo;
import org.bouncycastle.asn1.tsp.TimeStampResp;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Time-stamp tokens no honest TSA would issue, built by hand because Bouncy Castle's generator
 * refuses to sign with a certificate that lacks the time-stamping usage: what an attacker holding
 * some other key of the CA could make.
 */
public final class ForgedTimeStamps {

    private ForgedTimeStamps() {
    }

    /**
     * @return a DER TimeStampToken over a SHA-256 digest, signed by any key with an ESS
     *         signing-certificate-v2 reference to its certificate
     */
    public static byte[] token(SigningKey key, byte[] sha256, BigInteger nonce, Instant genTime) throws Exception {
        TSTInfo info = new TSTInfo(new ASN1ObjectIdentifier("2.25.1"),
                new MessageImprint(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), sha256),
                new ASN1Integer(42), new ASN1GeneralizedTime(Date.from(genTime)), null, null,
                nonce == null ? null : new ASN1Integer(nonce), null, null);
        byte[] certHash = MessageDigest.getInstance("SHA-256").digest(key.certificate().getEncoded());
        Attribute signingCert = new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {new ESSCertIDv2(certHash)})));
        CMSSignedDataGenerator g = new CMSSignedDataGenerator();
        g.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(
                        new AttributeTable(new DERSet(signingCert))))
                .build(new JcaContentSignerBuilder(key.algorithm().jcaName()).build(key.privateKey()),
                        key.certificate()));
        g.addCertificates(new JcaCertStore(key.chain()));
        return g.generate(new CMSProcessableByteArray(PKCSObjectIdentifiers.id_ct_TSTInfo,
                info.getEncoded(ASN1Encoding.DER)), true).getEncoded(ASN1Encoding.DER);
    }

    /** @return a DER TimeStampResp granting the given token */
    public static byte[] granted(byte[] token) throws Exception {
        return new TimeStampResp(new PKIStatusInfo(PKIStatus.granted), ContentInfo.getInstance(token))
                .getEncoded(ASN1Encoding.DER);
    }
}
