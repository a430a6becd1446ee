package cn.gov.jieyang.talent.portal.application;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes over the multipart body of a material upload before Spring Security's CSRF filter asks for
 * the {@code _csrf} parameter: asking the container would make it parse the whole body into part
 * files first (and, over its limits, fail the request with its own bare 413). This filter reads only
 * the first part, which the upload form makes the hidden CSRF field, and answers the CSRF filter's
 * question from it; the file itself stays unread on the connection for the controller to stream.
 *
 * <p>It runs before security, so it does no more for an unauthenticated request than read one field of
 * at most 1 KiB; a body that is not multipart at all is a 400 here (nothing else can be done with it).
 */
final class StreamingUploadFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(StreamingUploadFilter.class);
    private static final Pattern UPLOAD = Pattern.compile("/applications/[^/]+/materials/[^/]+(/files/[^/]+/replace)?");

    private final JakartaServletFileUpload<DiskFileItem, DiskFileItemFactory> upload;

    StreamingUploadFilter() {
        upload = new JakartaServletFileUpload<>();
        // Browsers send file names in UTF-8; the size of the file is bounded by the content store while
        // it streams, the fields by StreamingUpload.
        upload.setHeaderCharset(StandardCharsets.UTF_8);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !JakartaServletFileUpload.isMultipartContent(request)
                || !UPLOAD.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        StreamingUpload body;
        try {
            body = StreamingUpload.start(upload.getItemIterator(request));
        } catch (IOException | Refusal e) {
            log.info("malformed upload body refused: {}", e.getClass().getSimpleName());
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        request.setAttribute(StreamingUpload.ATTRIBUTE, body);
        chain.doFilter(new HttpServletRequestWrapper(request) {
            // The token from the body; without one, what the container has (the body is no longer parsed
            // for parameters once it is being read as a stream).
            @Override
            public String getParameter(String name) {
                return StreamingUpload.CSRF_FIELD.equals(name) && body.csrfToken() != null ? body.csrfToken()
                        : super.getParameter(name);
            }

            @Override
            public String[] getParameterValues(String name) {
                return StreamingUpload.CSRF_FIELD.equals(name) && body.csrfToken() != null
                        ? new String[] {body.csrfToken()} : super.getParameterValues(name);
            }
        }, response);
    }
}
