package cn.gov.jieyang.talent.signing.internal;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * What a verification is judged against besides the package: trust anchors, revocation data the
 * auditor brings (e.g. today's CRL, which may list a revocation after signing) and the validation time.
 *
 * @param anchors        trusted certificates
 * @param crls           CRLs given to the verifier, used beside those embedded in the package
 * @param validationTime the time the package is judged at
 * @param archivePoe     the time a valid archive time-stamp proves the signature (with its time-stamps)
 *                       existed, or null
 */
record VerifyContext(List<X509Certificate> anchors, List<X509CRL> crls, Instant validationTime, Instant archivePoe) {

    VerifyContext withArchivePoe(Instant poe) {
        return new VerifyContext(anchors, crls, validationTime, poe);
    }

    /** When the signature's time-stamps are judged: at the archive time-stamp's time if there is one. */
    Instant signatureTimeStampsJudgedAt() {
        return archivePoe != null ? archivePoe : validationTime;
    }
}
