package cn.gov.jieyang.talent.signing.internal;

import cn.gov.jieyang.talent.signing.ChainStatus;
import cn.gov.jieyang.talent.signing.SignerDetails;
import cn.gov.jieyang.talent.signing.SubIndication;
import cn.gov.jieyang.talent.signing.TimeStampVerdict;
import cn.gov.jieyang.talent.signing.VerificationReport;
import java.security.MessageDigest;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

/**
 * Checks the detached CAdES signature over the manifest and reports into a {@link VerificationReport}.
 * Only algorithms on an allow-list are accepted: a signature made with SHA-1 or an unknown algorithm
 * is never valid however sound it is mathematically (INDETERMINATE / CRYPTO_CONSTRAINTS_FAILURE, as
 * ETSI EN 319 102-1 has it). Its value is still checked where it can be, so an edit after signing
 * stays TOTAL_FAILED whatever algorithm the signer chose.
 */
final class CadesVerifier {

    static final Map<ASN1ObjectIdentifier, String> DIGESTS = Map.of(
            NISTObjectIdentifiers.id_sha256, "SHA-256",
            NISTObjectIdentifiers.id_sha384, "SHA-384",
            NISTObjectIdentifiers.id_sha512, "SHA-512",
            GMObjectIdentifiers.sm3, "SM3");
    private static final Map<ASN1ObjectIdentifier, String> SIGNATURES = Map.of(
            X9ObjectIdentifiers.ecdsa_with_SHA256, "SHA256withECDSA",
            X9ObjectIdentifiers.ecdsa_with_SHA384, "SHA384withECDSA",
            X9ObjectIdentifiers.ecdsa_with_SHA512, "SHA512withECDSA",
            GMObjectIdentifiers.sm2sign_with_sm3, "SM3withSM2");

    private CadesVerifier() {
    }

    /** Returns true when the signature over the manifest holds (chain problems aside). */
    static boolean verify(byte[] p7s, byte[] manifest, VerifyContext context, VerificationReport.Builder report) {
        return verify(p7s, Asic.SIGNATURE_ENTRY, manifest, "the manifest", context, report);
    }

    /**
     * Returns true when a detached signature over some bytes holds (chain problems aside).
     *
     * @param signatureName what the signature is called in messages
     * @param contentName   what the signed bytes are called in messages
     */
    static boolean verify(byte[] p7s, String signatureName, byte[] content, String contentName, VerifyContext context,
                          VerificationReport.Builder report) {
        CMSSignedData signed;
        try {
            signed = new CMSSignedData(new CMSProcessableByteArray(content), p7s);
        } catch (CMSException | RuntimeException e) {
            throw new FormatException(signatureName + " is not a CMS SignedData structure");
        }
        if (signed.getSignerInfos().size() != 1) {
            throw new FormatException("the signature must have exactly one signer, it has "
                    + signed.getSignerInfos().size());
        }
        SignerInformation si = signed.getSignerInfos().getSigners().iterator().next();
        Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(si.getSID());
        if (matches.isEmpty()) {
            report.problem(SubIndication.NO_SIGNING_CERTIFICATE_FOUND,
                    "the signer's certificate is not embedded in the signature");
            return false;
        }
        X509Certificate signer = toCertificate(matches.iterator().next());
        String digestName = DIGESTS.get(si.getDigestAlgorithmID().getAlgorithm());
        String sigName = SIGNATURES.get(new ASN1ObjectIdentifier(si.getEncryptionAlgOID()));
        Instant signingTime = signingTime(si.getSignedAttributes());
        boolean ok = checkAttributes(si, signer, signingTime, report);
        boolean accepted = digestName != null && sigName != null;
        if (!accepted) {
            report.problem(SubIndication.CRYPTO_CONSTRAINTS_FAILURE, "the signature uses an algorithm this policy "
                    + "does not accept (digest " + si.getDigestAlgOID() + ", signature " + si.getEncryptionAlgOID() + ")");
        }
        // The value is checked even for an algorithm we do not accept: a weak algorithm makes the
        // result INDETERMINATE, but must not hide a manifest edited after signing (TOTAL_FAILED).
        ok &= checkSignatureValue(si, signer, accepted, contentName, report) && accepted;
        SealValidation.Outcome chain = new SealValidation.Outcome(ChainStatus.NOT_CHECKED, null, "", List.of());
        if (ok && signingTime != null) {
            List<X509Certificate> certs = certificates(signed);
            List<X509CRL> crls = crls(signed);
            crls.addAll(context.crls());
            List<TimeStampVerdict> stamps = TimeStampVerifier.verify(si, certs, crls, context,
                    context.signatureTimeStampsJudgedAt());
            Instant poe = context.archivePoe();
            for (int i = 0; i < stamps.size(); i++) {
                TimeStampVerdict ts = stamps.get(i);
                report.timeStamp(ts);
                if (ts.isValid()) {
                    poe = poe == null || ts.genTime().isBefore(poe) ? ts.genTime() : poe;
                } else {
                    report.warning("time-stamp " + (i + 1) + " is not used as proof of existence: "
                            + String.join("; ", ts.problems()));
                }
            }
            report.proofOfExistence(poe);
            chain = SealValidation.judge(signer, certs, crls, context, signingTime, poe);
            if (chain.problem() != null) {
                report.problem(chain.problem(), chain.message());
            }
        }
        report.signer(new SignerDetails(signer.getSubjectX500Principal().getName(),
                signer.getIssuerX500Principal().getName(), signer.getSerialNumber().toString(16),
                sha256Hex(signer), signingTime, sigName == null ? si.getEncryptionAlgOID() : sigName,
                digestName == null ? si.getDigestAlgOID() : digestName, chain.status(), chain.chain()));
        return ok;
    }

    private static boolean checkAttributes(SignerInformation si, X509Certificate signer, Instant signingTime,
                                           VerificationReport.Builder report) {
        AttributeTable attrs = si.getSignedAttributes();
        if (attrs == null) {
            report.problem(SubIndication.SIG_CONSTRAINTS_FAILURE, "the signature has no signed attributes");
            return false;
        }
        boolean ok = true;
        Attribute contentType = attrs.get(CMSAttributes.contentType);
        if (contentType == null || !CMSObjectIdentifiers.data.equals(contentType.getAttrValues().getObjectAt(0))) {
            report.problem(SubIndication.SIG_CONSTRAINTS_FAILURE, "the content-type signed attribute is missing or not id-data");
            ok = false;
        }
        if (signingTime == null) {
            report.problem(SubIndication.SIG_CONSTRAINTS_FAILURE, "the signing-time signed attribute is missing");
            ok = false;
        }
        Attribute certRef = attrs.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        if (certRef == null) {
            report.problem(SubIndication.SIG_CONSTRAINTS_FAILURE,
                    "the signing-certificate-v2 signed attribute is missing");
            return false;
        }
        ESSCertIDv2 id = SigningCertificateV2.getInstance(certRef.getAttrValues().getObjectAt(0)).getCerts()[0];
        String hashName = DIGESTS.get(id.getHashAlgorithm().getAlgorithm());
        try {
            if (hashName == null || !MessageDigest.isEqual(id.getCertHash(),
                    MessageDigest.getInstance(hashName, Providers.BC).digest(signer.getEncoded()))) {
                report.problem(SubIndication.NO_SIGNING_CERTIFICATE_FOUND,
                        "the embedded certificate is not the one the signing-certificate-v2 attribute names");
                return false;
            }
        } catch (Exception e) {
            report.problem(SubIndication.NO_SIGNING_CERTIFICATE_FOUND, "the signing certificate cannot be checked");
            return false;
        }
        return ok;
    }

    private static boolean checkSignatureValue(SignerInformation si, X509Certificate signer, boolean accepted,
                                               String contentName, VerificationReport.Builder report) {
        try {
            // Verify with the bare public key: the certificate's validity at signing time is judged
            // by the chain validator, so that a cryptographic failure is never masked by a date check.
            if (si.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Providers.BC)
                    .build(signer.getPublicKey()))) {
                return true;
            }
            report.problem(SubIndication.SIG_CRYPTO_FAILURE,
                    "the signature value does not verify with the signer's public key");
        } catch (CMSSignerDigestMismatchException e) {
            report.problem(SubIndication.HASH_FAILURE,
                    contentName + " is not the one that was signed (message-digest mismatch)");
        } catch (Exception e) {
            if (accepted) {
                report.problem(SubIndication.SIG_CRYPTO_FAILURE, "the signature value cannot be verified");
            }
            // else: an algorithm nobody here can compute; the constraints failure already says why.
        }
        return false;
    }

    private static Instant signingTime(AttributeTable attrs) {
        Attribute a = attrs == null ? null : attrs.get(CMSAttributes.signingTime);
        if (a == null) {
            return null;
        }
        try {
            return Time.getInstance(a.getAttrValues().getObjectAt(0)).getDate().toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    static X509Certificate toCertificate(X509CertificateHolder holder) {
        try {
            return new JcaX509CertificateConverter().setProvider(Providers.BC).getCertificate(holder);
        } catch (Exception e) {
            throw new FormatException("an embedded certificate cannot be parsed");
        }
    }

    static List<X509Certificate> certificates(CMSSignedData signed) {
        List<X509Certificate> out = new ArrayList<>();
        for (X509CertificateHolder h : signed.getCertificates().getMatches(null)) {
            out.add(toCertificate(h));
        }
        return out;
    }

    static List<X509CRL> crls(CMSSignedData signed) {
        List<X509CRL> out = new ArrayList<>();
        JcaX509CRLConverter converter = new JcaX509CRLConverter().setProvider(Providers.BC);
        for (Object o : signed.getCRLs().getMatches(null)) {
            try {
                out.add(converter.getCRL((X509CRLHolder) o));
            } catch (Exception e) {
                throw new FormatException("an embedded CRL cannot be parsed");
            }
        }
        return out;
    }

    private static String sha256Hex(X509Certificate cert) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
