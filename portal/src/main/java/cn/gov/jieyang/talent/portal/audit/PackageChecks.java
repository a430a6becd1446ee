package cn.gov.jieyang.talent.portal.audit;

import cn.gov.jieyang.talent.portal.sealing.SealKey;
import cn.gov.jieyang.talent.signing.PackageVerifier;
import cn.gov.jieyang.talent.signing.VerificationReport;
import java.nio.file.Path;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.stereotype.Component;

/**
 * The one verifier the auditor's pages use, for an uploaded package and for a stored one alike: it trusts
 * the seal's CA and stops reading a package that inflates beyond {@link PackageCheckLimits}, so a check
 * on demand costs what the limits allow and no more.
 */
@Component
class PackageChecks {

    private final PackageCheckLimits limits;
    private final PackageVerifier verifier;

    PackageChecks(SealKey seal, MultipartProperties multipart) {
        this.limits = PackageCheckLimits.of(multipart.getMaxFileSize());
        this.verifier = seal.verifier(limits.inflated().toBytes());
    }

    PackageCheckLimits limits() {
        return limits;
    }

    /** Verifies a package file at the current time. */
    VerificationReport verify(Path file) {
        return verifier.verify(file);
    }
}
