package cn.gov.jieyang.talent.portal;

import cn.gov.jieyang.talent.testsupport.stack.Stack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole portal in this JVM, over real HTTP on the port the stack reserved for it, in front of the
 * whole stack as real processes ({@link Stack#shared()}: the build's Keycloak, the mock 粤信签 jar, the
 * auth-bridge jar). Every subclass shares this one Spring context and this one stack, so each test
 * brings its own person and looks only at what it made.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
public abstract class PortalOnTheStack {

    /** Where the portal keeps its development seal; an auditor trusts the CA certificate in it. */
    protected static final Path SEAL_DIR = tempDir("portal-stack-seal");

    @DynamicPropertySource
    static void stackProperties(DynamicPropertyRegistry r) {
        r.add("server.port", () -> stack().portalPort());
        r.add("portal.bridge.base-url", () -> stack().bridgeUrl());
        r.add("portal.headers.form-action-origins", () -> stack().yuexinqianUrl());
        r.add("portal.seal.dir", SEAL_DIR::toString);
    }

    /** The jars start while the portal's context does (it needs only their addresses); a test needs them up. */
    @BeforeEach
    void stackIsUp() {
        stack().awaitReady();
    }

    /**
     * The stack the portal runs in front of.
     *
     * @return this JVM's stack, started on first use
     */
    protected static Stack stack() {
        return Stack.shared();
    }

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
