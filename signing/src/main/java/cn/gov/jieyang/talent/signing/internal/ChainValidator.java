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
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Builds a certificate's chain at a given time: a PKIX path to a trust anchor (Bouncy Castle's
 * builder, so SM2 certificates verify too), then, for each certificate, the issuer's own CRL current
 * at that time. It reports the revocations it finds with their dates and leaves judging them to the
 * caller, because whether a revocation matters depends on what proves when the signature existed.
 */
final class ChainValidator {

    /** A certificate of the chain listed as revoked; position 0 is the certificate validated. */
    record Revocation(int position, String subject, Instant revokedAt) {
    }

    /**
     * @param status      VALID, or why no chain with revocation data was found
     * @param chain       the subjects from the certificate up to the trust anchor
     * @param certs       the same certificates, the anchor last
     * @param message     a sentence for the auditor
     * @param revocations the revocations found, end entity first
     */
    record Result(ChainStatus status, List<String> chain, List<X509Certificate> certs, String message,
                  List<Revocation> revocations) {
        static Result failed(ChainStatus status, String message) {
            return new Result(status, List.of(), List.of(), message, List.of());
        }
    }

    private ChainValidator() {
    }

    static Result validate(X509Certificate cert, Collection<X509Certificate> pool, Collection<X509CRL> crls,
                           List<X509Certificate> anchors, Instant at) {
        boolean[] ku = cert.getKeyUsage();
        if (ku != null && !(ku[0] || ku[1])) {
            return Result.failed(ChainStatus.NOT_ALLOWED_TO_SIGN,
                    "the certificate's key usage allows neither digitalSignature nor nonRepudiation");
        }
        Date date = Date.from(at);
        if (!validAt(cert, at)) {
            return Result.failed(ChainStatus.NOT_VALID_AT_SIGNING_TIME,
                    cert.getSubjectX500Principal().getName() + " was not valid at " + at);
        }
        if (anchors.isEmpty()) {
            return Result.failed(ChainStatus.NO_TRUST_ANCHOR,
                    "no trust anchor was given, so the signer cannot be trusted (use --trust CA.pem)");
        }
        PKIXCertPathBuilderResult path;
        try {
            path = buildPath(cert, pool, anchors, date);
        } catch (CertPathBuilderException e) {
            return Result.failed(ChainStatus.UNTRUSTED, cert.getSubjectX500Principal().getName()
                    + " does not chain to a trusted anchor (at " + at + ")");
        } catch (Exception e) {
            return Result.failed(ChainStatus.UNTRUSTED, "the certificate chain could not be built");
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (var c : path.getCertPath().getCertificates()) {
            chain.add((X509Certificate) c);
        }
        chain.add(path.getTrustAnchor().getTrustedCert());
        List<String> subjects = new ArrayList<>();
        chain.forEach(c -> subjects.add(c.getSubjectX500Principal().getName()));
        List<Revocation> revocations = new ArrayList<>();
        for (int i = 0; i + 1 < chain.size(); i++) {
            int position = i;
            X509Certificate c = chain.get(i);
            X509Certificate issuer = chain.get(i + 1);
            List<X509CRL> own = issuersCrls(issuer, crls);
            String who = c.getSubjectX500Principal().getName();
            if (own.isEmpty()) {
                return new Result(ChainStatus.NO_REVOCATION_INFO, subjects, chain, "no CRL from "
                        + issuer.getSubjectX500Principal().getName() + " is available, so the status of " + who
                        + " at " + at + " is unknown", revocations);
            }
            X509CRL newest = own.stream().max(Comparator.comparing(X509CRL::getThisUpdate)).orElseThrow();
            if (newest.getNextUpdate() != null && newest.getNextUpdate().toInstant().isBefore(at)) {
                return new Result(ChainStatus.NO_REVOCATION_INFO, subjects, chain, "the newest CRL for " + who
                        + " expired on " + newest.getNextUpdate().toInstant() + ", before " + at, revocations);
            }
            // Any authentic CRL that lists the certificate is evidence of its revocation, whichever is newest.
            own.stream().map(crl -> crl.getRevokedCertificate(c)).filter(Objects::nonNull)
                    .map(e -> e.getRevocationDate().toInstant()).min(Comparator.naturalOrder())
                    .ifPresent(when -> revocations.add(new Revocation(position, who, when)));
        }
        return new Result(ChainStatus.VALID, subjects, chain,
                "chains to " + subjects.get(subjects.size() - 1), revocations);
    }

    static boolean validAt(X509Certificate cert, Instant at) {
        try {
            cert.checkValidity(Date.from(at));
            return true;
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            return false;
        }
    }

    /** The CRLs the issuer itself signed: a CRL not signed by the issuer proves nothing. */
    private static List<X509CRL> issuersCrls(X509Certificate issuer, Collection<X509CRL> crls) {
        List<X509CRL> own = new ArrayList<>();
        for (X509CRL crl : crls) {
            if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                continue;
            }
            try {
                crl.verify(issuer.getPublicKey(), Providers.BC);
                own.add(crl);
            } catch (Exception e) {
                // not the issuer's own
            }
        }
        return own;
    }

    private static PKIXCertPathBuilderResult buildPath(X509Certificate cert, Collection<X509Certificate> pool,
                                                       List<X509Certificate> anchors, Date at) throws Exception {
        Set<TrustAnchor> trust = new HashSet<>();
        anchors.forEach(a -> trust.add(new TrustAnchor(a, null)));
        X509CertSelector target = new X509CertSelector();
        target.setCertificate(cert);
        PKIXBuilderParameters params = new PKIXBuilderParameters(trust, target);
        List<X509Certificate> all = new ArrayList<>(pool);
        all.add(cert);
        params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(all),
                Providers.BC));
        params.setRevocationEnabled(false);
        params.setDate(at);
        return (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX", Providers.BC).build(params);
    }
}
