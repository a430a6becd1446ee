package cn.gov.jieyang.talent.authbridge.testing;

import cn.gov.jieyang.talent.signing.DevelopmentCa;
import cn.gov.jieyang.talent.signing.DevelopmentTsa;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;

/**
 * A development CA for the bridge's audit checkpoints, as {@code signing.jar dev-ca} makes it for
 * {@code ./run} (seal, CRL, ca.pem), and its TSA served over HTTP as {@code signing.jar dev-tsa} does:
 * one per test JVM, so the checkpoints the tests make are sealed and time-stamped for real.
 */
public final class AuditSealForTests {

    /** The key stores' password (a test value). */
    public static final String PASSWORD = "audit-seal-for-tests";

    private static final AuditSealForTests INSTANCE = new AuditSealForTests();

    private final Path dir;
    private final DevelopmentCa ca;
    private final String tsaUrl;

    private AuditSealForTests() {
        try {
            dir = Files.createTempDirectory("bridge-audit-seal");
            ca = DevelopmentCa.generate();
            ca.writeTo(dir, PASSWORD.toCharArray());
            DevelopmentTsa tsa = DevelopmentTsa.of(ca.tsa());
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                try (exchange; InputStream in = exchange.getRequestBody()) {
                    byte[] answer = tsa.exchange(in.readNBytes(16 * 1024));
                    exchange.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
                    exchange.sendResponseHeaders(200, answer.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(answer);
                    }
                }
            });
            server.start();
            tsaUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the one of this JVM */
    public static AuditSealForTests get() {
        return INSTANCE;
    }

    /** @return the seal's key store */
    public Path pkcs12() {
        return dir.resolve(DevelopmentCa.SEAL_P12);
    }

    /** @return the CA's CRL */
    public Path crl() {
        return dir.resolve(DevelopmentCa.CA_CRL);
    }

    /** @return the CA certificate (PEM), what an auditor passes as {@code --trust} */
    public Path caPem() {
        return dir.resolve(DevelopmentCa.CA_PEM);
    }

    /** @return the CA certificate */
    public X509Certificate ca() {
        return ca.caCertificate();
    }

    /** @return the TSA's URL */
    public String tsaUrl() {
        return tsaUrl;
    }
}
