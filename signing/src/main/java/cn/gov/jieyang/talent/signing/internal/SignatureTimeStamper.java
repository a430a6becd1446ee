package cn.gov.jieyang.talent.signing.internal;

import cn.gov.jieyang.talent.signing.SigningException;
import cn.gov.jieyang.talent.signing.TimeStampSource;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * CAdES-T: a time-stamp token over the SignerInfo's signature value, stored as the unsigned attribute
 * id-aa-signatureTimeStampToken (ETSI EN 319 122-1, 5.3). Being unsigned, it can be added after
 * signing without touching what the seal signed.
 */
public final class SignatureTimeStamper {

    /** The signature with its time-stamp, and the time the TSA vouched for. */
    public record Stamped(byte[] signature, Instant genTime) {
    }

    private SignatureTimeStamper() {
    }

    /**
     * @param p7s    a DER CMS SignedData with exactly one signer
     * @param source the TSA
     * @param clock  the local clock (to refuse a TSA whose clock is far off)
     * @return the signature with the token added
     * @throws SigningException ({@link SigningException.Reason#TIME_STAMP_FAILURE}) when the TSA fails
     */
    public static Stamped stamp(byte[] p7s, TimeStampSource source, Clock clock) {
        CMSSignedData signed;
        try {
            signed = new CMSSignedData(p7s);
        } catch (CMSException e) {
            throw new SigningException(SigningException.Reason.INVALID_INPUT, "not a CMS signature", e);
        }
        SignerInformation si = signed.getSignerInfos().getSigners().iterator().next();
        TimeStampToken token = TimeStampRequester.request(source, si.getSignature(), clock);
        return new Stamped(withToken(signed, si, token), token.getTimeStampInfo().getGenTime().toInstant());
    }

    /**
     * Adds a token, as it is, to the signer's unsigned attributes (also for tests that add bad ones).
     *
     * @param p7s   a DER CMS SignedData with exactly one signer
     * @param token a DER TimeStampToken
     * @return the signature with the token added
     */
    public static byte[] addToken(byte[] p7s, byte[] token) {
        try {
            CMSSignedData signed = new CMSSignedData(p7s);
            return withToken(signed, signed.getSignerInfos().getSigners().iterator().next(),
                    new TimeStampToken(new CMSSignedData(token)));
        } catch (Exception e) {
            throw new SigningException(SigningException.Reason.INVALID_INPUT, "cannot add the time-stamp token", e);
        }
    }

    private static byte[] withToken(CMSSignedData signed, SignerInformation si, TimeStampToken token) {
        AttributeTable unsigned = si.getUnsignedAttributes() != null ? si.getUnsignedAttributes()
                : new AttributeTable(new ASN1EncodableVector());
        unsigned = unsigned.add(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                token.toCMSSignedData().toASN1Structure());
        SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(si, unsigned);
        try {
            return CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped))
                    .getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("a signature in memory always encodes", e);
        }
    }
}
