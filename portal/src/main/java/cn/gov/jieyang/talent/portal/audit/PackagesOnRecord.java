package cn.gov.jieyang.talent.portal.audit;

import cn.gov.jieyang.talent.identity.IdNumber;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The signed packages the portal stored, as the feature that seals and stores them (submission) knows
 * them. Declared here and implemented there, so the auditor's pages can find and name packages without
 * the audit feature depending on submission, which itself records its events in the audit chain.
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
     * One stored package version.
     *
     * @param applicationId the application
     * @param version       the package version
     * @return the package, or empty if there is no such version
     */
    Optional<StoredPackage> find(UUID applicationId, int version);

    /**
     * Stored package versions matching every criterion given, newest signing first.
     *
     * @param query the criteria and the page
     * @return at most {@code query.limit()} packages
     */
    List<StoredPackage> search(PackageQuery query);

    /**
     * A package version on record.
     *
     * @param applicationId the application
     * @param reference     its reference (JYRC-...)
     * @param version       the package version
     */
    record PackageOnRecord(UUID applicationId, String reference, int version) {
    }

    /**
     * A stored package version as the auditor's list shows it: the applicant only as the masked record
     * shows them (never the ID number in clear).
     *
     * @param packageId         the package row (the paging key, with {@code signedAt})
     * @param onRecord          application, reference and version
     * @param sha256            the package file's digest (its key in the content store)
     * @param signedAt          when the portal sealed it
     * @param serviceCodes      the services the application bundles
     * @param applicantName     the applicant's name (an enterprise's name for enterprises)
     * @param applicantIdMasked the masked ID number, or the USCI for an enterprise
     */
    record StoredPackage(UUID packageId, PackageOnRecord onRecord, String sha256, Instant signedAt,
                         List<String> serviceCodes, String applicantName, String applicantIdMasked) {

        /** Checks and copies. */
        public StoredPackage {
            Objects.requireNonNull(packageId, "packageId");
            Objects.requireNonNull(onRecord, "onRecord");
            Objects.requireNonNull(sha256, "sha256");
            Objects.requireNonNull(signedAt, "signedAt");
            serviceCodes = List.copyOf(serviceCodes);
        }
    }

    /**
     * What to search for; a null criterion matches everything.
     *
     * @param reference     the exact application reference
     * @param serviceCode   a service the application bundles
     * @param signedFrom    signed at or after
     * @param signedBefore  signed before
     * @param applicantId   the applicant's exact ID number, matched through the keyed lookup hash
     * @param applicantUsci an enterprise applicant's unified social credit code
     * @param applicantName the applicant's exact name
     * @param after         the last package of the previous page, or null for the first page
     * @param limit         the page size, 1 to 200
     */
    record PackageQuery(String reference, String serviceCode, Instant signedFrom, Instant signedBefore,
                        IdNumber applicantId, String applicantUsci, String applicantName, UUID after, int limit) {

        /** Checks the page size. */
        public PackageQuery {
            if (limit < 1 || limit > 200) {
                throw new IllegalArgumentException("limit must be 1 to 200: " + limit);
            }
        }
    }
}
