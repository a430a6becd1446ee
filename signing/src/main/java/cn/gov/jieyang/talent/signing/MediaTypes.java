package cn.gov.jieyang.talent.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Media types decided by content, not by file name: a renamed executable does not become a PDF.
 */
public final class MediaTypes {

    /** PDF. */
    public static final String PDF = "application/pdf";
    /** JPEG. */
    public static final String JPEG = "image/jpeg";
    /** PNG. */
    public static final String PNG = "image/png";
    /** JSON. */
    public static final String JSON = "application/json";
    /** Anything else. */
    public static final String OCTET_STREAM = "application/octet-stream";

    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private MediaTypes() {
    }

    /**
     * Detects the media type from the first bytes of a file.
     *
     * @param file the file
     * @return PDF, JPEG, PNG or {@link #OCTET_STREAM}
     * @throws SigningException ({@link SigningException.Reason#IO_FAILURE}) if the file cannot be read
     */
    public static String detect(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return detect(in.readNBytes(8));
        } catch (IOException e) {
            throw new SigningException(SigningException.Reason.IO_FAILURE, "cannot read " + file.getFileName(), e);
        }
    }

    /**
     * Detects the media type from a file's first bytes (eight are enough).
     *
     * @param head the first bytes
     * @return PDF, JPEG, PNG or {@link #OCTET_STREAM}
     */
    public static String detect(byte[] head) {
        if (startsWith(head, PDF_MAGIC)) {
            return PDF;
        }
        if (startsWith(head, JPEG_MAGIC)) {
            return JPEG;
        }
        if (startsWith(head, PNG_MAGIC)) {
            return PNG;
        }
        return OCTET_STREAM;
    }

    /**
     * Whether entries of this type are worth compressing. Already-compressed formats are stored:
     * deflating PDFs and JPEGs costs a lot of CPU for almost no gain.
     *
     * @param mediaType a media type
     * @return true for text-like types
     */
    public static boolean isCompressible(String mediaType) {
        return mediaType.startsWith("text/") || mediaType.equals(JSON) || mediaType.endsWith("+json")
                || mediaType.endsWith("/xml") || mediaType.endsWith("+xml");
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }
}
