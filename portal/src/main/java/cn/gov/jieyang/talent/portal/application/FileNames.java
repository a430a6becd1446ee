package cn.gov.jieyang.talent.portal.application;

/**
 * Cleans the file name a device sends, for display only: the store never uses it as a path (files
 * are kept under their SHA-256), but a name like {@code ../../etc/passwd} or one with control
 * characters must not reach a page or a download header as given.
 */
final class FileNames {

    static final int MAX_LENGTH = 255;
    private static final String FALLBACK = "file";

    private FileNames() {
    }

    static String clean(String given) {
        if (given == null) {
            return FALLBACK;
        }
        // Keep only the last path segment, whichever separator the device used.
        String name = given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1);
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints()
                .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .forEach(out::appendCodePoint);
        String cleaned = out.toString().strip();
        // Leading dots make hidden or relative-looking names ("..", ".htaccess").
        while (cleaned.startsWith(".")) {
            cleaned = cleaned.substring(1);
        }
        if (cleaned.isBlank()) {
            return FALLBACK;
        }
        if (cleaned.length() > MAX_LENGTH) {
            int cut = MAX_LENGTH;
            if (Character.isLowSurrogate(cleaned.charAt(cut))) {
                cut--;
            }
            cleaned = cleaned.substring(0, cut);
        }
        return cleaned;
    }
}
