package cn.gov.jieyang.talent.portal.audit;

import org.springframework.util.unit.DataSize;

/**
 * How much of an uploaded package the auditor's check reads. The upload is bounded by the container
 * ({@code spring.servlet.multipart.max-file-size}), but a small ZIP can inflate enormously (8 MiB of
 * zeros to 7 GiB, 28 s of hashing); so the verifier stops once a package inflates beyond
 * {@value #INFLATION_FACTOR} x the upload limit. Sealed packages hold stored PDFs and images and
 * inflate to little more than their own size, so no genuine package that fits the upload is refused.
 *
 * @param upload   the largest package an auditor can upload
 * @param inflated the most bytes a package may inflate to before it is refused unchecked
 */
record PackageCheckLimits(DataSize upload, DataSize inflated) {

    static final int INFLATION_FACTOR = 4;

    /**
     * @param uploadLimit the multipart limit of one file
     * @return the limits derived from it
     * @throws IllegalStateException when the upload is unlimited: then nothing bounds the work either
     */
    static PackageCheckLimits of(DataSize uploadLimit) {
        if (uploadLimit == null || uploadLimit.toBytes() <= 0) {
            throw new IllegalStateException("spring.servlet.multipart.max-file-size must be a positive size (it is "
                    + uploadLimit + "): the package check reads at most " + INFLATION_FACTOR + " x that much");
        }
        return new PackageCheckLimits(uploadLimit,
                DataSize.ofBytes(Math.multiplyExact(INFLATION_FACTOR, uploadLimit.toBytes())));
    }
}
