package cn.gov.jieyang.talent.portal.audit;

import java.util.Optional;
import java.util.UUID;

/**
 * Which application version a signed package is, as the feature that seals and stores packages
 * (submission) knows it. Declared here and implemented there, so the auditor's package check can name
 * the application without the audit feature depending on submission, which itself records its events
 * in the audit chain.
 */
public interface PackagesOnRecord {

    /**
     * The package version whose bytes have this digest.
     *
     * @param sha256 the SHA-256 of the package file, lower-case hex
     * @return the application version it is on record as, or empty for a package the portal never sealed
     */
    Optional<PackageOnRecord> findBySha256(String sha256);

    /**
     * A package version on record.
     *
     * @param applicationId the application
     * @param reference     its reference (JYRC-...)
     * @param version       the package version
     */
    record PackageOnRecord(UUID applicationId, String reference, int version) {
    }
}
