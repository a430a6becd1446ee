package cn.gov.jieyang.talent.signing.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code signing.jar dev-tsa} as a background process, stopped (by its own handle) when closed. */
final class DevTsaProcess implements AutoCloseable {

    private static final Pattern URL = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/)");

    private final Process process;
    private final URI url;

    private DevTsaProcess(Process process, URI url) {
        this.process = process;
        this.url = url;
    }

    /** Starts {@code dev-tsa --key KEY --port 0} in a directory and waits for the URL it prints. */
    static DevTsaProcess start(Path workDir, String key) throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "dev-tsa", ".out");
        ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Cli.JAR.toAbsolutePath().toString(), "dev-tsa", "--key", key, "--port", "0"))
                .directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("SIGNING_KEY_PASSWORD", Cli.PASSWORD);
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Matcher m = URL.matcher(Files.readString(out, StandardCharsets.UTF_8));
            if (m.find()) {
                return new DevTsaProcess(p, URI.create(m.group(1)));
            }
            if (!p.isAlive()) {
                throw new AssertionError("dev-tsa exited " + p.exitValue() + ": " + Files.readString(out));
            }
            Thread.sleep(100);
        }
        p.destroyForcibly();
        throw new AssertionError("dev-tsa printed no URL: " + Files.readString(out));
    }

    URI url() {
        return url;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
