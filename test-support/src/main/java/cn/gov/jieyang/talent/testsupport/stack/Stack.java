package cn.gov.jieyang.talent.testsupport.stack;

import cn.gov.jieyang.talent.testsupport.keycloak.KeycloakExtension;
import cn.gov.jieyang.talent.testsupport.keycloak.KeycloakServer;
import cn.gov.jieyang.talent.testsupport.process.FreePorts;

/**
 * Everything around the portal, each a real server: the build's Keycloak, the mock 粤信签 jar and the
 * auth-bridge jar (each jar its own process with its own embedded PostgreSQL), wired for a portal that
 * the test runs in its own JVM on {@link #portalPort()}.
 *
 * <p>{@link #shared()} is one stack per test JVM: launched on first use, stopped when the JVM exits. Its state (bridge sessions, the mock's persons, the
 * portal's database) is shared by every test that uses it, so each test brings its own person.
 */
public final class Stack {

    private static Stack shared;

    private final int portalPort = FreePorts.next();
    private final KeycloakServer keycloak;
    private final MockYuexinqianProcess yuexinqian;
    private final BridgeProcess bridge;
    private boolean ready;

    private Stack() {
        int bridgePort = FreePorts.next();
        // The mock starts while Keycloak is awaited (the bridge is told its address); then both jars come up
        // side by side. The bridge itself asks Keycloak nothing before the first password login.
        yuexinqian = MockYuexinqianProcess.launch(bridgePort);
        keycloak = KeycloakExtension.server();
        bridge = BridgeProcess.builder().port(bridgePort).yuexinqian(yuexinqian.baseUrl())
                .keycloak(keycloak.baseUrl().toString()).relyingParty(portalUrl()).launch();
        keycloak.admin().allowBridgeOn(bridgePort);
    }

    /**
     * This JVM's stack, launched on the first call: its addresses are known at once (a portal may start
     * with them), its jars may still be starting; {@link #awaitReady()} waits for them.
     *
     * @return the stack
     */
    public static synchronized Stack shared() {
        if (shared == null) {
            shared = new Stack();
        }
        return shared;
    }

    /**
     * Waits until the mock and the bridge answer their health checks (at once after the first time).
     *
     * @return this stack
     */
    public synchronized Stack awaitReady() {
        if (!ready) {
            yuexinqian.awaitHealthy();
            bridge.awaitHealthy();
            ready = true;
        }
        return this;
    }

    /**
     * The port reserved for the portal under test (the bridge knows it as client {@code portal}'s).
     *
     * @return the port
     */
    public int portalPort() {
        return portalPort;
    }

    /**
     * The portal's origin.
     *
     * @return {@code http://127.0.0.1:<portalPort>}
     */
    public String portalUrl() {
        return "http://127.0.0.1:" + portalPort;
    }

    /**
     * The bridge's base URL (its issuer).
     *
     * @return the URL
     */
    public String bridgeUrl() {
        return bridge.baseUrl();
    }

    /**
     * The mock 粤信签's base URL.
     *
     * @return the URL
     */
    public String yuexinqianUrl() {
        return yuexinqian.baseUrl();
    }

    /**
     * The build's Keycloak.
     *
     * @return the server
     */
    public KeycloakServer keycloak() {
        return keycloak;
    }
}
