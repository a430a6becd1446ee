package cn.gov.jieyang.talent.portal.sealing;

import cn.gov.jieyang.talent.signing.DevelopmentCa;
import cn.gov.jieyang.talent.signing.DevelopmentTsa;
import cn.gov.jieyang.talent.signing.SigningKey;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;

/**
 * The signing library's development TSA behind real HTTP on 127.0.0.1, in the test JVM: the portal
 * reaches it exactly as it reaches a real TSA (its URL, RFC 3161 over HTTP POST). The library serves
 * HTTP only from its command line ({@code dev-tsa}), whose handler is not public, so this is the
 * minimum of it: POST in, {@code application/timestamp-reply} out. {@link #stop()} makes it a TSA
 * that is down (connection refused); {@link #start()} brings it back on the same port.
 */
public final class TestTsa implements AutoCloseable {

    private final DevelopmentTsa tsa;
    private int port;
    private HttpServer server;

    private TestTsa(DevelopmentTsa tsa) {
        this.tsa = tsa;
    }

    /**
     * Starts a TSA on a free port.
     *
     * @param key the TSA's key (a dev CA's {@code tsa.p12})
     * @return the running TSA
     */
    public static TestTsa start(SigningKey key) {
        TestTsa t = new TestTsa(DevelopmentTsa.of(key));
        t.start();
        return t;
    }

    /**
     * The TSA key of a development seal directory the portal created (dev mode, default password), so a
     * test's TSA chains to the same CA as the portal's seal.
     *
     * @param sealDir {@code portal.seal.dir}
     * @return the key in its {@code tsa.p12}
     */
    public static SigningKey devTsaKey(Path sealDir) {
        return SigningKey.fromPkcs12(sealDir.resolve(DevelopmentCa.TSA_P12), SealKeyLoader.DEV_PASSWORD.toCharArray());
    }

    /** Listens again, on the port it had (a free one the first time). */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
        server.createContext("/", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                byte[] reply = tsa.exchange(in.readNBytes(16 * 1024));
                exchange.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
                exchange.sendResponseHeaders(200, reply.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply);
                }
            }
        });
        server.start();
        port = server.getAddress().getPort();
    }

    /** Stops listening: requests are refused until {@link #start()}. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** @return where it answers, {@code http://127.0.0.1:PORT/} */
    public URI url() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** @return the TSA certificate's subject */
    public String subject() {
        return tsa.certificate().getSubjectX500Principal().getName();
    }

    @Override
    public void close() {
        stop();
    }
}
