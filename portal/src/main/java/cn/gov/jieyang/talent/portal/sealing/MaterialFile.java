package cn.gov.jieyang.talent.portal.sealing;

import java.util.Objects;

/**
 * One material file to seal: bytes in the content store and what they are.
 *
 * @param materialCode the catalogue material it is given for
 * @param sha256       its SHA-256 (its address in the content store)
 * @param fileName     the name the applicant's device gave (only shown, never used as a path or entry name as is)
 * @param mediaType    its type as established from its content
 * @param sizeBytes    its length
 */
public record MaterialFile(String materialCode, String sha256, String fileName, String mediaType, long sizeBytes) {

    /**
     * Checks the parts.
     *
     * @param materialCode code (lower case, digits, '-')
     * @param sha256       lower-case hex SHA-256
     * @param fileName     name
     * @param mediaType    type
     * @param sizeBytes    positive size
     */
    public MaterialFile {
        if (materialCode == null || !materialCode.matches("[a-z][a-z0-9-]{0,63}")) {
            throw new IllegalArgumentException("bad material code");
        }
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("bad sha256");
        }
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        if (sizeBytes <= 0) {
            throw new IllegalArgumentException("size must be positive");
        }
    }
}
