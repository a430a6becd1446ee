package cn.gov.jieyang.talent.signing.internal;

import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;

/** Checks shared by the time-stamp client and the verifier. */
final class TimeStampChecks {

    /** The outcome of the extended key usage check of RFC 3161 section 2.3. */
    enum Eku {
        OK, MISSING, NOT_CRITICAL, NOT_SOLELY_TIME_STAMPING;

        String message() {
            return switch (this) {
                case OK -> "";
                case MISSING -> "it has no extended key usage, so it is not a time-stamping authority's";
                case NOT_CRITICAL -> "its extended key usage is not marked critical";
                case NOT_SOLELY_TIME_STAMPING -> "its extended key usage is not id-kp-timeStamping alone";
            };
        }
    }

    private TimeStampChecks() {
    }

    /** RFC 3161 2.3: the TSA's certificate carries id-kp-timeStamping as its only, critical, extended key usage. */
    static Eku timeStampingUsage(X509CertificateHolder cert) {
        Extension ext = cert.getExtension(Extension.extendedKeyUsage);
        if (ext == null) {
            return Eku.MISSING;
        }
        if (!ext.isCritical()) {
            return Eku.NOT_CRITICAL;
        }
        ExtendedKeyUsage usage = ExtendedKeyUsage.getInstance(ext.getParsedValue());
        return usage.hasKeyPurposeId(KeyPurposeId.id_kp_timeStamping) && usage.size() == 1
                ? Eku.OK : Eku.NOT_SOLELY_TIME_STAMPING;
    }
}
