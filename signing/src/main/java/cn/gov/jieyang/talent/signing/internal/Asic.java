package cn.gov.jieyang.talent.signing.internal;

import java.nio.charset.StandardCharsets;

/** Names and constants of the ASiC-E container (ETSI EN 319 162-1). */
public final class Asic {

    /** Name of the first, stored entry. */
    public static final String MIMETYPE_ENTRY = "mimetype";
    /** The ASiC-E media type, the content of {@link #MIMETYPE_ENTRY}. */
    public static final String MIMETYPE = "application/vnd.etsi.asic-e+zip";
    /** The manifest the signature covers. */
    public static final String MANIFEST_ENTRY = "META-INF/ASiCManifest.xml";
    /** The detached CAdES signature over the manifest. */
    public static final String SIGNATURE_ENTRY = "META-INF/signature.p7s";
    /** Media type of the signature, as referenced from the manifest. */
    public static final String SIGNATURE_MEDIA_TYPE = "application/pkcs7-signature";

    /** The archive manifest of ETSI EN 319 162-1 (long-term), covered by {@link #ARCHIVE_TIME_STAMP_ENTRY}. */
    public static final String ARCHIVE_MANIFEST_ENTRY = "META-INF/ASiCArchiveManifest.xml";
    /** The archive time-stamp: an RFC 3161 token over the archive manifest's bytes. */
    public static final String ARCHIVE_TIME_STAMP_ENTRY = "META-INF/timestamp.tst";
    /** Media type of a time-stamp token, as referenced from the archive manifest. */
    public static final String TIME_STAMP_MEDIA_TYPE = "application/vnd.etsi.timestamp-token";

    static final byte[] MIMETYPE_BYTES = MIMETYPE.getBytes(StandardCharsets.US_ASCII);

    private Asic() {
    }
}
