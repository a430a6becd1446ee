package cn.gov.jieyang.talent.signing.internal;

import cn.gov.jieyang.talent.signing.ChainStatus;
import cn.gov.jieyang.talent.signing.TimeStampVerdict;
import java.security.MessageDigest;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Checks time-stamps: each signature time-stamp of a SignerInfo, and the archive time-stamp. For each:
 * the message imprint over what it covers (the signature value, the archive manifest),
 * the token's signature and ESS reference to the TSA certificate, that certificate's critical
 * id-kp-timeStamping usage, and the TSA chain at the validation time (trust anchor, validity,
 * revocation in any CRL available). A failed time-stamp proves nothing; ETSI EN 319 102-1 ignores it
 * as proof of existence rather than failing the signature, since anyone can add unsigned attributes.
 */
final class TimeStampVerifier {

    private TimeStampVerifier() {
    }

    /**
     * @param judgeAt when the TSA chains are judged: the validation time, or the earlier time an
     *                archive time-stamp proves the signature (with its time-stamps) existed
     */
    static List<TimeStampVerdict> verify(SignerInformation si, Collection<X509Certificate> signatureCerts,
                                         Collection<X509CRL> crls, VerifyContext context, Instant judgeAt) {
        AttributeTable unsigned = si.getUnsignedAttributes();
        List<TimeStampVerdict> out = new ArrayList<>();
        if (unsigned == null) {
            return out;
        }
        var attributes = unsigned.getAll(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        for (int i = 0; i < attributes.size(); i++) {
            for (ASN1Encodable value : Attribute.getInstance(attributes.get(i)).getAttrValues()) {
                TimeStampToken token;
                try {
                    token = new TimeStampToken(new CMSSignedData(ContentInfo.getInstance(value)));
                } catch (Exception e) {
                    token = null;
                }
                out.add(verifyToken(TimeStampVerdict.Kind.SIGNATURE, token, si.getSignature(),
                        "this signature's value", signatureCerts, crls, context, judgeAt));
            }
        }
        return out;
    }

    /** The archive time-stamp: a token over the archive manifest's bytes, judged at the validation time. */
    static TimeStampVerdict verifyArchive(byte[] tokenDer, byte[] archiveManifest,
                                          Collection<X509Certificate> certs, Collection<X509CRL> crls,
                                          VerifyContext context) {
        TimeStampToken token;
        try {
            token = new TimeStampToken(new CMSSignedData(tokenDer));
        } catch (Exception e) {
            token = null;
        }
        return verifyToken(TimeStampVerdict.Kind.ARCHIVE, token, archiveManifest, Asic.ARCHIVE_MANIFEST_ENTRY,
                certs, crls, context, context.validationTime());
    }

    private static TimeStampVerdict verifyToken(TimeStampVerdict.Kind kind, TimeStampToken token, byte[] covered,
                                                String coveredName, Collection<X509Certificate> certs,
                                                Collection<X509CRL> crls, VerifyContext context, Instant judgeAt) {
        if (token == null) {
            return new TimeStampVerdict(kind, "", null, "", false, false, ChainStatus.NOT_CHECKED, List.of(),
                    List.of("it is not an RFC 3161 time-stamp token"));
        }
        var info = token.getTimeStampInfo();
        Instant genTime = info.getGenTime().toInstant();
        List<String> problems = new ArrayList<>();
        String digestName = CadesVerifier.DIGESTS.get(info.getMessageImprintAlgOID());
        boolean imprint = digestName != null && MessageDigest.isEqual(info.getMessageImprintDigest(),
                digest(digestName, covered));
        if (digestName == null) {
            problems.add("its message imprint uses a digest this policy does not accept ("
                    + info.getMessageImprintAlgOID() + ")");
        } else if (!imprint) {
            problems.add("it is over other bytes than " + coveredName + " (the message imprint differs)");
        }
        if (genTime.isAfter(context.validationTime())) {
            problems.add("it is dated " + genTime + ", after the validation time");
        }
        List<X509Certificate> pool = new ArrayList<>(certs);
        for (X509CertificateHolder h : token.getCertificates().getMatches(null)) {
            pool.add(CadesVerifier.toCertificate(h));
        }
        X509Certificate tsa = pool.stream().filter(c -> token.getSID().match(holder(c))).findFirst().orElse(null);
        if (tsa == null) {
            problems.add("the TSA's certificate is in neither the token nor the signature");
            return new TimeStampVerdict(kind, "", genTime, nameOr(digestName, info), imprint, false,
                    ChainStatus.NOT_CHECKED, List.of(), problems);
        }
        TimeStampChecks.Eku eku = TimeStampChecks.timeStampingUsage(holder(tsa));
        boolean signature = checkSignature(token, tsa, eku == TimeStampChecks.Eku.OK, problems);
        ChainValidator.Result chain = eku == TimeStampChecks.Eku.OK
                ? tsaChain(tsa, pool, crls, context.anchors(), judgeAt, genTime)
                : ChainValidator.Result.failed(ChainStatus.NOT_ALLOWED_TO_SIGN,
                        "the TSA certificate is not a time-stamping authority's: " + eku.message());
        if (chain.status() != ChainStatus.VALID) {
            problems.add(chain.message());
        }
        return new TimeStampVerdict(kind, tsa.getSubjectX500Principal().getName(), genTime,
                nameOr(digestName, info), imprint, signature, chain.status(), chain.chain(), problems);
    }

    private static boolean checkSignature(TimeStampToken token, X509Certificate tsa, boolean ekuOk,
                                          List<String> problems) {
        try {
            var verifier = new JcaSimpleSignerInfoVerifierBuilder().setProvider(Providers.BC).build(tsa);
            if (ekuOk) {
                // Signature, the ESS signing-certificate reference, and the certificate's validity at genTime.
                token.validate(verifier);
                return true;
            }
            if (token.isSignatureValid(verifier)) {
                return true;
            }
        } catch (Exception e) {
            problems.add("its signature does not verify with the TSA certificate: " + e.getMessage());
            return false;
        }
        problems.add("its signature does not verify with the TSA certificate");
        return false;
    }

    /** The TSA chain is judged at {@code validation}; its CRL has to be current at genTime. */
    private static ChainValidator.Result tsaChain(X509Certificate tsa, List<X509Certificate> pool,
                                                  Collection<X509CRL> crls, List<X509Certificate> anchors,
                                                  Instant validation, Instant genTime) {
        if (!ChainValidator.validAt(tsa, validation)) {
            return ChainValidator.Result.failed(ChainStatus.EXPIRED, "the TSA certificate "
                    + tsa.getSubjectX500Principal().getName() + " is not valid at " + validation
                    + " (valid " + tsa.getNotBefore().toInstant() + " to " + tsa.getNotAfter().toInstant()
                    + "); only an archive time-stamp made before then could still vouch for this time-stamp");
        }
        ChainValidator.Result r = ChainValidator.validate(tsa, pool, crls, anchors, genTime);
        if (r.status() != ChainStatus.VALID) {
            return r;
        }
        for (X509Certificate c : r.certs()) {
            if (!ChainValidator.validAt(c, validation)) {
                return new ChainValidator.Result(ChainStatus.EXPIRED, r.chain(), r.certs(),
                        c.getSubjectX500Principal().getName() + " is not valid at " + validation, List.of());
            }
        }
        for (ChainValidator.Revocation rev : r.revocations()) {
            if (!rev.revokedAt().isAfter(validation)) {
                // RFC 3161 4.1: once a TSA's key may be compromised its tokens prove nothing, unless an
                // archive time-stamp made before the revocation protects them.
                return new ChainValidator.Result(ChainStatus.REVOKED, r.chain(), r.certs(),
                        "the TSA chain's " + rev.subject() + " was revoked on " + rev.revokedAt(), r.revocations());
            }
        }
        return r;
    }

    private static String nameOr(String digestName, org.bouncycastle.tsp.TimeStampTokenInfo info) {
        return digestName != null ? digestName : info.getMessageImprintAlgOID().getId();
    }

    private static X509CertificateHolder holder(X509Certificate c) {
        try {
            return new X509CertificateHolder(c.getEncoded());
        } catch (Exception e) {
            throw new FormatException("an embedded certificate cannot be encoded");
        }
    }

    private static byte[] digest(String name, byte[] data) {
        try {
            return MessageDigest.getInstance(name, Providers.BC).digest(data);
        } catch (Exception e) {
            throw new IllegalStateException(name + " is on the allow-list, so the provider has it", e);
        }
    }
}
