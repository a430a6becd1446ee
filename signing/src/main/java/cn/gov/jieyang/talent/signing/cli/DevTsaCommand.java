package cn.gov.jieyang.talent.signing.cli;

import cn.gov.jieyang.talent.signing.DevelopmentTsa;
import cn.gov.jieyang.talent.signing.SigningException;
import cn.gov.jieyang.talent.signing.SigningKey;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dev-tsa --key DIR/tsa.p12 --port N}: a development RFC 3161 TSA on 127.0.0.1 until stopped. */
@Command(name = "dev-tsa", mixinStandardHelpOptions = true,
        description = {"Serves a DEVELOPMENT RFC 3161 time-stamping authority at http://127.0.0.1:PORT/ "
                + "(POST application/timestamp-query) until stopped.",
                "The key-store password comes from env SIGNING_KEY_PASSWORD (or --password-file). Not for production."})
final class DevTsaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--key", required = true, paramLabel = "tsa.p12",
            description = "the TSA's PKCS#12 key store (dev-ca writes DIR/tsa.p12)")
    Path key;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0",
            description = "the port on 127.0.0.1; 0 (default) picks a free one and prints it")
    int port;

    @Option(names = "--password-file", paramLabel = "FILE", description = "read the key-store password from FILE")
    Path passwordFile;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new SigningException(SigningException.Reason.INVALID_INPUT, "--port must be 0 to 65535");
        }
        char[] password = Passwords.read(passwordFile);
        DevelopmentTsa tsa;
        try {
            tsa = DevelopmentTsa.of(SigningKey.fromPkcs12(key, password));
        } finally {
            Arrays.fill(password, '\0');
        }
        HttpServer server;
        try {
            // Loopback only: a development TSA has no business answering the network.
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 16);
        } catch (IOException e) {
            throw new SigningException(SigningException.Reason.IO_FAILURE,
                    "cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        ExecutorService workers = Executors.newFixedThreadPool(2);
        server.createContext("/", new TsaHttpHandler(tsa));
        server.setExecutor(workers);
        server.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(0);
            workers.shutdownNow();
            stopped.countDown();
        }, "dev-tsa-stop"));
        var o = spec.commandLine().getOut();
        o.println("dev-tsa: serving RFC 3161 time-stamps at http://127.0.0.1:" + server.getAddress().getPort() + "/");
        o.println("  TSA: " + tsa.certificate().getSubjectX500Principal().getName());
        o.flush();
        stopped.await();
        return 0;
    }
}
