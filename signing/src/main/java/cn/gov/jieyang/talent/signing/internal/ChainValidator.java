package cn.gov.jieyang.talent.signing.internal;

import cn.gov.jieyang.talent.signing.ChainStatus;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Judges the signer's chain at the signing time: a PKIX path to a trust anchor (Bouncy Castle's
 * builder, so SM2 certificates verify too), then revocation from the CRLs embedded in the signature.
 *
 * <p>Revocation is checked here rather than by the PKIX engine so that the rule is explicit: the
 * signature stands if the embedded CRL, signed by the certificate's issuer and current at signing
 * time, does not list the certificate as revoked on or before the signing time. The signing time is
 * the signer's claim (baseline B has no trusted time stamp); the auditor's guide says so.
 */
final class ChainValidator {

    record Result(ChainStatus status, List<String> chain, String message) {
    }

    private ChainValidator() {
    }

    static Result validate(X509Certificate signer, Collection<X509Certificate> certs, Collection<X509CRL> crls,
                           List<X509Certificate> anchors, Instant signingTime) {
        boolean[] ku = signer.getKeyUsage();
        if (ku != null && !(ku[0] || ku[1])) {
            return new Result(ChainStatus.NOT_ALLOWED_TO_SIGN, List.of(),
                    "the signer certificate's key usage allows neither digitalSignature nor nonRepudiation");
        }
        Date at = Date.from(signingTime);
        try {
            signer.checkValidity(at);
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            return new Result(ChainStatus.NOT_VALID_AT_SIGNING_TIME, List.of(),
                    "the signer certificate was not valid at the signing time " + signingTime);
        }
        if (anchors.isEmpty()) {
            return new Result(ChainStatus.NO_TRUST_ANCHOR, List.of(),
                    "no trust anchor was given, so the signer cannot be trusted (use --trust CA.pem)");
        }
        PKIXCertPathBuilderResult path;
        try {
            path = buildPath(signer, certs, anchors, at);
        } catch (CertPathBuilderException e) {
            return new Result(ChainStatus.UNTRUSTED, List.of(),
                    "the signer certificate does not chain to a trusted anchor: "
                            + signer.getSubjectX500Principal().getName());
        } catch (Exception e) {
            return new Result(ChainStatus.UNTRUSTED, List.of(), "the certificate chain could not be built");
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (var c : path.getCertPath().getCertificates()) {
            chain.add((X509Certificate) c);
        }
        X509Certificate anchor = path.getTrustAnchor().getTrustedCert();
        List<String> subjects = new ArrayList<>();
        chain.forEach(c -> subjects.add(c.getSubjectX500Principal().getName()));
        subjects.add(anchor.getSubjectX500Principal().getName());
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate cert = chain.get(i);
            X509Certificate issuer = i + 1 < chain.size() ? chain.get(i + 1) : anchor;
            Result revocation = checkRevocation(cert, issuer, crls, signingTime, subjects);
            if (revocation != null) {
                return revocation;
            }
        }
        return new Result(ChainStatus.VALID, subjects, "chains to " + anchor.getSubjectX500Principal().getName());
    }

    private static PKIXCertPathBuilderResult buildPath(X509Certificate signer, Collection<X509Certificate> certs,
                                                       List<X509Certificate> anchors, Date at) throws Exception {
        Set<TrustAnchor> trust = new HashSet<>();
        anchors.forEach(a -> trust.add(new TrustAnchor(a, null)));
        X509CertSelector target = new X509CertSelector();
        target.setCertificate(signer);
        PKIXBuilderParameters params = new PKIXBuilderParameters(trust, target);
        List<X509Certificate> pool = new ArrayList<>(certs);
        pool.add(signer);
        params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool),
                Providers.BC));
        params.setRevocationEnabled(false);
        params.setDate(at);
        return (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX", Providers.BC).build(params);
    }

    private static Result checkRevocation(X509Certificate cert, X509Certificate issuer, Collection<X509CRL> crls,
                                          Instant signingTime, List<String> subjects) {
        X509CRL best = null;
        for (X509CRL crl : crls) {
            if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                continue;
            }
            try {
                crl.verify(issuer.getPublicKey(), Providers.BC);
            } catch (Exception e) {
                continue; // a CRL that is not the issuer's own proves nothing
            }
            if (best == null || crl.getThisUpdate().after(best.getThisUpdate())) {
                best = crl;
            }
        }
        String who = cert.getSubjectX500Principal().getName();
        if (best == null) {
            return new Result(ChainStatus.NO_REVOCATION_INFO, subjects,
                    "no CRL from " + issuer.getSubjectX500Principal().getName() + " is embedded, so the status of "
                            + who + " at signing time is unknown");
        }
        if (best.getNextUpdate() != null && best.getNextUpdate().toInstant().isBefore(signingTime)) {
            return new Result(ChainStatus.NO_REVOCATION_INFO, subjects,
                    "the embedded CRL for " + who + " expired on " + best.getNextUpdate().toInstant()
                            + ", before the signing time");
        }
        X509CRLEntry entry = best.getRevokedCertificate(cert);
        if (entry != null && !entry.getRevocationDate().toInstant().isAfter(signingTime)) {
            return new Result(ChainStatus.REVOKED, subjects,
                    who + " was revoked on " + entry.getRevocationDate().toInstant() + ", before signing");
        }
        return null;
    }
}
