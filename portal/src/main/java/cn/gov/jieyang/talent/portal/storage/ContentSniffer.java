package cn.gov.jieyang.talent.portal.storage;

import java.util.Arrays;
import java.util.Optional;

/**
 * Establishes a material file's type from its first bytes (magic numbers), because the name and the
 * browser's declared type are whatever the sender says they are.
 */
final class ContentSniffer {

    /** Enough leading bytes for every signature below. */
    static final int HEAD_BYTES = 8;

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private ContentSniffer() {
    }

    /**
     * The material type of these leading bytes.
     *
     * @param head the first bytes (up to {@link #HEAD_BYTES})
     * @param length how many of them are valid
     * @return application/pdf, image/jpeg or image/png; empty for anything else
     */
    static Optional<String> materialType(byte[] head, int length) {
        if (startsWith(head, length, PDF)) {
            return Optional.of("application/pdf");
        }
        if (startsWith(head, length, JPEG)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(head, length, PNG)) {
            return Optional.of("image/png");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] head, int length, byte[] magic) {
        return length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }
}
