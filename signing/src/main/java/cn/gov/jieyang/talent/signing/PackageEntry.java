package cn.gov.jieyang.talent.signing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * One named file to put into a material package: its name inside the container, its media type and
 * where its bytes come from.
 *
 * <p>Names are checked here, at the door: a name can never escape the container ({@code ..},
 * absolute paths, back-slashes), collide with the container's own files ({@code mimetype},
 * {@code META-INF/}) or smuggle control characters into an auditor's report.
 */
public final class PackageEntry {

    /** Longest accepted entry name, in characters. */
    public static final int MAX_NAME_LENGTH = 240;

    private static final Pattern MEDIA_TYPE =
            Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}");

    private final String name;
    private final String mediaType;
    private final ContentSource source;
    private final long sizeHint;

    private PackageEntry(String name, String mediaType, ContentSource source, long sizeHint) {
        this.name = checkName(name);
        this.mediaType = checkMediaType(mediaType);
        this.source = Objects.requireNonNull(source, "source");
        this.sizeHint = sizeHint;
    }

    /**
     * An entry whose bytes come from a stream opened on demand.
     *
     * @param name      the name inside the container, e.g. {@code materials/id-card.pdf}
     * @param mediaType the media type, e.g. {@code application/pdf}
     * @param source    opens the content
     * @return the entry
     * @throws SigningException ({@link SigningException.Reason#INVALID_ENTRY}) for a refused name or type
     */
    public static PackageEntry of(String name, String mediaType, ContentSource source) {
        return new PackageEntry(name, mediaType, source, -1);
    }

    /**
     * An entry whose bytes come from a file.
     *
     * @param name      the name inside the container
     * @param mediaType the media type
     * @param file      the file to read (streamed when the package is written)
     * @return the entry
     * @throws SigningException ({@link SigningException.Reason#INVALID_ENTRY}) for a refused name or type
     */
    public static PackageEntry of(String name, String mediaType, Path file) {
        Objects.requireNonNull(file, "file");
        long size;
        try {
            size = Files.size(file);
        } catch (java.io.IOException e) {
            throw new SigningException(SigningException.Reason.IO_FAILURE, "cannot read " + file.getFileName(), e);
        }
        return new PackageEntry(name, mediaType, () -> Files.newInputStream(file), size);
    }

    /** @return the name inside the container */
    public String name() {
        return name;
    }

    /** @return the media type */
    public String mediaType() {
        return mediaType;
    }

    /** @return opens the content */
    public ContentSource source() {
        return source;
    }

    /** @return the expected size in bytes when known up front (files), else empty */
    public OptionalLong sizeHint() {
        return sizeHint < 0 ? OptionalLong.empty() : OptionalLong.of(sizeHint);
    }

    /**
     * Checks an entry name against the rules of this library; also used when reading packages.
     *
     * @param name a candidate name
     * @return the name, unchanged
     * @throws SigningException ({@link SigningException.Reason#INVALID_ENTRY}) when refused
     */
    public static String checkName(String name) {
        String problem = nameProblem(name);
        if (problem != null) {
            throw new SigningException(SigningException.Reason.INVALID_ENTRY, problem);
        }
        return name;
    }

    /**
     * Tells what is wrong with a name, if anything.
     *
     * @param name a candidate name
     * @return a message, or {@code null} when the name is acceptable
     */
    public static String nameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return "entry name is empty";
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return "entry name is longer than " + MAX_NAME_LENGTH + " characters";
        }
        if (name.startsWith("/") || name.contains("\\") || name.contains(":")) {
            return "entry name must be a relative path with forward slashes: " + printable(name);
        }
        for (String segment : name.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return "entry name has an empty, '.' or '..' path segment: " + printable(name);
            }
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                return "entry name contains a control character: " + printable(name);
            }
        }
        if (name.equals("mimetype") || name.regionMatches(true, 0, "META-INF/", 0, 9)
                || name.equalsIgnoreCase("META-INF")) {
            return "entry name is reserved for the container itself: " + printable(name);
        }
        return null;
    }

    private static String checkMediaType(String mediaType) {
        if (mediaType == null || !MEDIA_TYPE.matcher(mediaType).matches()) {
            throw new SigningException(SigningException.Reason.INVALID_ENTRY,
                    "media type must look like type/subtype in lower case: " + printable(String.valueOf(mediaType)));
        }
        return mediaType;
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(MAX_NAME_LENGTH).forEach(cp -> {
            if (Character.isISOControl(cp)) {
                b.append(String.format("\\u%04x", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }

    @Override
    public String toString() {
        return name + " (" + mediaType + ")";
    }
}
