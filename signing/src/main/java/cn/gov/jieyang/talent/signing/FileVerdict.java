package cn.gov.jieyang.talent.signing;

import java.util.Objects;

/**
 * The verdict on one file.
 *
 * @param name           the entry name
 * @param status         the verdict
 * @param mediaType      the media type from the manifest, or empty for unexpected files
 * @param expectedSha256 the digest in the manifest (hex), or empty for unexpected files
 * @param actualSha256   the digest of the content found (hex), or empty for missing files
 */
public record FileVerdict(String name, FileStatus status, String mediaType, String expectedSha256,
                          String actualSha256) {

    /**
     * Checks its input.
     *
     * @param name           the entry name
     * @param status         the verdict
     * @param mediaType      the media type
     * @param expectedSha256 the expected digest
     * @param actualSha256   the actual digest
     */
    public FileVerdict {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(expectedSha256, "expectedSha256");
        Objects.requireNonNull(actualSha256, "actualSha256");
    }
}
