package cn.gov.jieyang.talent.portal.sealing;

import java.time.Instant;
import java.util.List;

/**
 * A sealed package, stored in the content store.
 *
 * @param sha256        the package's SHA-256 (its address in the content store)
 * @param sizeBytes     its length
 * @param signedAt      the signing time in its signature (the seal's claim)
 * @param timeStampedAt the time-stamping authority's time in its signature time-stamp (CAdES-T), or
 *                      {@code null} when the package is baseline B (no TSA configured, or the fallback)
 * @param signerSubject the seal certificate's subject
 * @param entryNames    the material entries' names inside it, in the order of the materials given
 */
public record SealedPackage(String sha256, long sizeBytes, Instant signedAt, Instant timeStampedAt, String signerSubject,
        List<String> entryNames) {

    /** Media type of an ASiC-E container. */
    public static final String MEDIA_TYPE = "application/vnd.etsi.asic-e+zip";

    /**
     * Copies the list.
     *
     * @param sha256        digest
     * @param sizeBytes     size
     * @param signedAt      time
     * @param timeStampedAt time-stamp's time or null
     * @param signerSubject signer
     * @param entryNames    names
     */
    public SealedPackage {
        entryNames = List.copyOf(entryNames);
    }
}
