package cn.gov.jieyang.talent.authbridge.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The real mock 粤信签, its jar started as a separate process, registered for a bridge on a given port. */
public final class RealMockYuexinqian implements AutoCloseable {

    private static final Path JAR = Path.of("..", "mock-yuexinqian", "target", "mock-yuexinqian.jar");

    private final int port = FreePorts.next();
    private final JarProcess process;

    public RealMockYuexinqian(int bridgePort) {
        String bridge = "http://127.0.0.1:" + bridgePort;
        try {
            Path data = Files.createTempDirectory("mock-yxq");
            process = JarProcess.start(JAR, "256m", List.of(
                    "--server.port=" + port,
                    "--mock.yuexinqian.public-base-url=" + baseUrl(),
                    "--mock.yuexinqian.data-dir=" + data,
                    "--mock.yuexinqian.apps[0].app-id=jieyang-hrss",
                    "--mock.yuexinqian.apps[0].display-name=揭阳智慧人社",
                    "--mock.yuexinqian.apps[0].callback-url=" + bridge + "/callbacks/yuexinqian",
                    "--mock.yuexinqian.apps[0].redirect-uris[0]=" + bridge + "/login/yuexinqian/return"),
                    baseUrl(), Duration.ofSeconds(90));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.close();
    }
}
