package cn.gov.jieyang.talent.testsupport.stack;

import cn.gov.jieyang.talent.testsupport.ProjectRoot;
import cn.gov.jieyang.talent.testsupport.process.FreePorts;
import cn.gov.jieyang.talent.testsupport.process.JarProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The real auth-bridge, its jar ({@code auth-bridge/target/auth-bridge.jar}) run as a separate process
 * with its own embedded PostgreSQL and the {@code dev} profile, exactly as {@code ./run} runs it: the
 * one way a test starts a bridge outside its own JVM.
 *
 * <pre>{@code
 * BridgeProcess bridge = BridgeProcess.builder()
 *         .yuexinqian(yxq.baseUrl())
 *         .keycloak(keycloak.baseUrl().toString())      // optional: the password door
 *         .relyingParty("http://127.0.0.1:" + portalPort)
 *         .start();
 * }</pre>
 */
public final class BridgeProcess implements AutoCloseable {

    private static final String CLIENT = "--spring.security.oauth2.authorizationserver.client.portal.";

    private final int port;
    private final JarProcess process;

    private BridgeProcess(int port, JarProcess process) {
        this.port = port;
        this.process = process;
    }

    /**
     * A bridge to configure.
     *
     * @return a builder with a free port
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Where it answers; also its issuer.
     *
     * @return e.g. {@code http://127.0.0.1:41234}
     */
    public String baseUrl() {
        return process.baseUrl();
    }

    /**
     * Its port on 127.0.0.1.
     *
     * @return the port
     */
    public int port() {
        return port;
    }

    /**
     * Waits until its health check answers.
     *
     * @return this bridge
     */
    public BridgeProcess awaitHealthy() {
        process.awaitHealthy(Duration.ofSeconds(120));
        return this;
    }

    /** Stops the bridge. */
    @Override
    public void close() {
        process.close();
    }

    /** What the bridge is started with. */
    public static final class Builder {

        private int port = FreePorts.next();
        private String yuexinqian;
        private String keycloak;
        private String relyingParty;

        private Builder() {
        }

        /**
         * Its port (default: a free one).
         *
         * @param port the port
         * @return this builder
         */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * Where 粤信签 is (the mock's process, or a fake at the process boundary). Required.
         *
         * @param baseUrl e.g. {@code http://127.0.0.1:41235}
         * @return this builder
         */
        public Builder yuexinqian(String baseUrl) {
            this.yuexinqian = baseUrl;
            return this;
        }

        /**
         * Where Keycloak is (the password door); without it the bridge points at {@code ./run}'s 8180.
         *
         * @param baseUrl e.g. {@code http://127.0.0.1:21236}
         * @return this builder
         */
        public Builder keycloak(String baseUrl) {
            this.keycloak = baseUrl;
            return this;
        }

        /**
         * The origin of client {@code portal}: its redirect URI, post-logout redirect URI, back-channel
         * logout URI and the JWKS of its {@code private_key_jwt} key ({@code /oauth2/jwks}) are set for it.
         *
         * @param origin e.g. {@code http://127.0.0.1:41237}
         * @return this builder
         */
        public Builder relyingParty(String origin) {
            this.relyingParty = origin;
            return this;
        }

        /**
         * Starts it without waiting ({@link BridgeProcess#awaitHealthy} waits).
         *
         * @return the starting bridge
         */
        public BridgeProcess launch() {
            Objects.requireNonNull(yuexinqian, "yuexinqian");
            String baseUrl = "http://127.0.0.1:" + port;
            List<String> arguments = new ArrayList<>(List.of(
                    // Development secrets live only under the dev profile, as for ./run.
                    "--spring.profiles.active=dev",
                    "--server.port=" + port,
                    "--bridge.session.issuer=" + baseUrl,
                    "--bridge.yuexinqian.base-url=" + yuexinqian));
            if (keycloak != null) {
                arguments.add("--bridge.keycloak.base-url=" + keycloak);
            }
            if (relyingParty != null) {
                arguments.add(CLIENT + "registration.redirect-uris[0]=" + relyingParty + "/login/oauth2/code/auth-bridge");
                arguments.add(CLIENT + "registration.post-logout-redirect-uris[0]=" + relyingParty + "/");
                arguments.add(CLIENT + "jwk-set-uri=" + relyingParty + "/oauth2/jwks");
                arguments.add("--bridge.logout.back-channel.portal=" + relyingParty
                        + "/logout/connect/back-channel/auth-bridge");
            }
            return new BridgeProcess(port, JarProcess.launch(ProjectRoot.jar("auth-bridge"), "384m", arguments, baseUrl));
        }

        /**
         * Starts it and waits until it is healthy.
         *
         * @return the running bridge
         */
        public BridgeProcess start() {
            return launch().awaitHealthy();
        }
    }
}
