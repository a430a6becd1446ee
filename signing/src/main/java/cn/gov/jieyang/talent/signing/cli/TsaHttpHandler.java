package cn.gov.jieyang.talent.signing.cli;

import cn.gov.jieyang.talent.signing.TimeStampSource;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;

/**
 * RFC 3161 section 3.4 over HTTP: POST {@code application/timestamp-query} to {@code /}, answer
 * {@code application/timestamp-reply}. Everything else is refused with the matching status, and a
 * request body is read only up to {@link #MAX_REQUEST_BYTES}.
 */
final class TsaHttpHandler implements HttpHandler {

    /** A TimeStampReq with a SHA-512 imprint, nonce, policy and extensions fits in well under 1 KiB. */
    static final int MAX_REQUEST_BYTES = 16 * 1024;

    private final TimeStampSource tsa;

    TsaHttpHandler(TimeStampSource tsa) {
        this.tsa = tsa;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"/".equals(exchange.getRequestURI().getPath())) {
                plain(exchange, 404, "not found: the TSA answers at /");
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                plain(exchange, 405, "POST an application/timestamp-query");
                return;
            }
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/timestamp-query")) {
                plain(exchange, 415, "the content type must be application/timestamp-query");
                return;
            }
            byte[] request;
            try (InputStream in = exchange.getRequestBody()) {
                request = in.readNBytes(MAX_REQUEST_BYTES + 1);
            }
            if (request.length > MAX_REQUEST_BYTES) {
                plain(exchange, 413, "a time-stamp request is at most " + MAX_REQUEST_BYTES + " bytes");
                return;
            }
            byte[] reply = tsa.exchange(request);
            exchange.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
            exchange.sendResponseHeaders(200, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        } catch (RuntimeException e) {
            // Never a stack trace to the client; the operator sees one line.
            System.err.println("dev-tsa: request failed: " + e.getMessage());
        }
    }

    private static void plain(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = (text + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
