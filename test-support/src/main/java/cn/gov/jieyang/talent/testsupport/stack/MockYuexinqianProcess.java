package cn.gov.jieyang.talent.testsupport.stack;

import cn.gov.jieyang.talent.testsupport.ProjectRoot;
import cn.gov.jieyang.talent.testsupport.http.Browser;
import cn.gov.jieyang.talent.testsupport.process.FreePorts;
import cn.gov.jieyang.talent.testsupport.process.JarProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real mock 粤信签, its jar ({@code mock-yuexinqian/target/mock-yuexinqian.jar}) run as a separate
 * process on a free port, with app {@code jieyang-hrss} registered for a bridge on a given port.
 */
public final class MockYuexinqianProcess implements AutoCloseable {

    /** The app id the bridge presents to 粤信签. */
    public static final String APP_ID = "jieyang-hrss";

    private static final Pattern FLOW = Pattern.compile("name=\"flow\" value=\"([A-Za-z0-9_-]+)\"");

    private final JarProcess process;

    private MockYuexinqianProcess(JarProcess process) {
        this.process = process;
    }

    /**
     * Starts the mock without waiting for it ({@link #awaitHealthy} waits).
     *
     * @param bridgePort where the bridge it calls back runs
     * @return the starting mock
     */
    public static MockYuexinqianProcess launch(int bridgePort) {
        String bridge = "http://127.0.0.1:" + bridgePort;
        String baseUrl = "http://127.0.0.1:" + FreePorts.next();
        Path data;
        try {
            data = Files.createTempDirectory("mock-yxq");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MockYuexinqianProcess(JarProcess.launch(ProjectRoot.jar("mock-yuexinqian"), "256m", List.of(
                "--server.port=" + baseUrl.substring(baseUrl.lastIndexOf(':') + 1),
                "--mock.yuexinqian.public-base-url=" + baseUrl,
                "--mock.yuexinqian.data-dir=" + data,
                "--mock.yuexinqian.apps[0].app-id=" + APP_ID,
                "--mock.yuexinqian.apps[0].display-name=揭阳智慧人社",
                "--mock.yuexinqian.apps[0].callback-url=" + bridge + "/callbacks/yuexinqian",
                "--mock.yuexinqian.apps[0].redirect-uris[0]=" + bridge + "/login/yuexinqian/return"), baseUrl));
    }

    /**
     * Starts the mock and waits until it is healthy.
     *
     * @param bridgePort where the bridge it calls back runs
     * @return the running mock
     */
    public static MockYuexinqianProcess start(int bridgePort) {
        return launch(bridgePort).awaitHealthy();
    }

    /**
     * Waits until its health check answers.
     *
     * @return this mock
     */
    public MockYuexinqianProcess awaitHealthy() {
        process.awaitHealthy(Duration.ofSeconds(120));
        return this;
    }

    /**
     * Where it answers.
     *
     * @return e.g. {@code http://127.0.0.1:41234}
     */
    public String baseUrl() {
        return process.baseUrl();
    }

    /**
     * A person new to 粤信签 goes through its pages as a browser would: agrees, gives a name and a
     * resident ID number, and passes the face check; the mock sends its signed callback to the bridge
     * before it answers.
     *
     * @param browser      the person's browser
     * @param authorizeUrl where the bridge sent the browser (its redirect to {@code /authorize})
     * @param name         the person's name
     * @param idNumber     a valid GB 11643 number
     * @return the mock's last answer: the redirect back to the bridge
     */
    public static Browser.Page passFaceCheckAsNewPerson(Browser browser, String authorizeUrl, String name,
                                                        String idNumber) {
        String origin = authorizeUrl.substring(0, authorizeUrl.indexOf("/authorize"));
        Browser.Page consent = browser.get(authorizeUrl);
        Browser.Page person = browser.post(origin + "/flow/consent", Map.of("flow", flow(consent), "decision", "agree"));
        Browser.Page face = browser.post(origin + "/flow/person", Map.of("flow", flow(person), "name", name,
                "idType", "resident_id", "idNumber", idNumber, "consent", "yes"));
        return browser.post(origin + "/flow/face", Map.of("flow", flow(face), "result", "pass"));
    }

    private static String flow(Browser.Page page) {
        Matcher m = FLOW.matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("no flow field on " + page.uri() + " (" + page.status() + "):\n" + page.body());
        }
        return m.group(1);
    }

    /** Stops the mock. */
    @Override
    public void close() {
        process.close();
    }
}
