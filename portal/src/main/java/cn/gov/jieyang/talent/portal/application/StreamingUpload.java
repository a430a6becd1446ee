package cn.gov.jieyang.talent.portal.application;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.util.Optional;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.MultipartInput;

/**
 * A material upload's multipart body, read as a stream straight from the connection (Apache Commons
 * FileUpload's streaming API): no part is buffered in memory or written to a container part file, so
 * the file's bytes go once through SHA-256 into the content store's file. {@link StreamingUploadFilter}
 * reads the first part, the CSRF token, before Spring Security asks for it; the controller then reads
 * the rest from here.
 */
final class StreamingUpload {

    /** The request attribute this is kept under. */
    static final String ATTRIBUTE = StreamingUpload.class.getName();
    /** The form's CSRF field; the upload form puts it before the file inputs. */
    static final String CSRF_FIELD = "_csrf";
    /** Bounds a form field or an unchosen (empty) file input: neither carries more than a token. */
    static final int MAX_FIELD_BYTES = 1024;

    private final FileItemInputIterator parts;
    private final String csrfToken;
    private FileItemInput pending;

    private StreamingUpload(FileItemInputIterator parts, String csrfToken, FileItemInput pending) {
        this.parts = parts;
        this.csrfToken = csrfToken;
        this.pending = pending;
    }

    /**
     * Reads the first part: the CSRF token if it is that field.
     *
     * @throws IOException if the body is not multipart or is malformed
     */
    static StreamingUpload start(FileItemInputIterator parts) throws IOException {
        if (!parts.hasNext()) {
            // A multipart body has at least one part (RFC 2046): this one is not multipart at all.
            throw new MultipartInput.MalformedStreamException("no part in the body");
        }
        FileItemInput first = parts.next();
        if (first.isFormField() && CSRF_FIELD.equals(first.getFieldName())) {
            return new StreamingUpload(parts, readField(first), null);
        }
        return new StreamingUpload(parts, null, first);
    }

    static Optional<StreamingUpload> of(HttpServletRequest request) {
        return Optional.ofNullable((StreamingUpload) request.getAttribute(ATTRIBUTE));
    }

    /** The CSRF token from the body's first part, or null. */
    String csrfToken() {
        return csrfToken;
    }

    /**
     * The first file chosen (a part with a file name), skipping other fields and the unchosen input
     * (the page's file and camera inputs are alternatives); its stream is read from the connection.
     *
     * @return the file part, or empty if none was chosen
     * @throws IOException if the body is malformed
     * @throws Refusal     if a field or an empty input carries more than a token's worth of bytes, or
     *                     the file name has a NUL
     */
    Optional<FileItemInput> firstFile() throws IOException {
        while (true) {
            FileItemInput part = pending;
            pending = null;
            if (part == null) {
                if (!parts.hasNext()) {
                    return Optional.empty();
                }
                part = parts.next();
            }
            if (!part.isFormField() && !nameOf(part).isEmpty()) {
                return Optional.of(part);
            }
            readField(part);
        }
    }

    /** The file name the device gave; one with a NUL is refused (FileUpload checks it as a path). */
    private static String nameOf(FileItemInput part) {
        try {
            return part.getName() == null ? "" : part.getName();
        } catch (InvalidPathException e) {
            throw new Refusal(Refusal.Reason.BAD_FILE_NAME);
        }
    }

    private static String readField(FileItemInput part) throws IOException {
        try (InputStream in = part.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_FIELD_BYTES + 1);
            if (bytes.length > MAX_FIELD_BYTES) {
                throw new Refusal(Refusal.Reason.MALFORMED);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
