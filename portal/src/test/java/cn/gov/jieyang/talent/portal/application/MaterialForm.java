package cn.gov.jieyang.talent.portal.application;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The upload form's body as a browser sends it (multipart/form-data, in the page's order: the hidden
 * CSRF field first, then the file input, then the unused camera input), for MockMvc and for real HTTP.
 */
final class MaterialForm {

    static final String BOUNDARY = "----portal-test-" + UUID.randomUUID();
    static final String CONTENT_TYPE = "multipart/form-data; boundary=" + BOUNDARY;

    private MaterialForm() {
    }

    /**
     * The form with one chosen file, posted with MockMvc.
     *
     * @param withCsrf whether the body carries a valid CSRF token (as the page's form does)
     */
    static RequestPostProcessor upload(String fileName, byte[] content, boolean withCsrf) {
        return request -> {
            String token = null;
            if (withCsrf) {
                request = csrf().postProcessRequest(request);
                // In the body, where the browser puts it, not as a parameter of the mock request.
                token = request.getParameter(StreamingUpload.CSRF_FIELD);
                request.removeParameter(StreamingUpload.CSRF_FIELD);
            }
            request.setContentType(CONTENT_TYPE);
            request.setContent(body(token, fileName, content));
            return request;
        };
    }

    /** The body: the CSRF field (if a token is given), the file, the unchosen camera input. */
    static byte[] body(String token, String fileName, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (token != null) {
            out.writeBytes(fieldPart(StreamingUpload.CSRF_FIELD, token));
        }
        out.writeBytes(filePart("file", fileName, content));
        out.writeBytes(filePart("file", "", new byte[0]));
        out.writeBytes(end());
        return out.toByteArray();
    }

    static byte[] fieldPart(String name, String value) {
        return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] filePart(String name, String fileName, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + (fileName.isEmpty() ? "application/octet-stream" : "application/pdf")
                + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    static byte[] end() {
        return ("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
