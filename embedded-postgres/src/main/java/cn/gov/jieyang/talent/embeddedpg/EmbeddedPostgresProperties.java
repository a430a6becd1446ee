package cn.gov.jieyang.talent.embeddedpg;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded PostgreSQL, used only when {@code spring.datasource.url} is not set.
 *
 * @param enabled whether to start it at all (default true)
 * @param dataDir where its data lives; empty means a fresh temporary directory, deleted on stop
 * @param port    its port; 0 (default) picks a free one
 */
@ConfigurationProperties("embedded-postgres")
public record EmbeddedPostgresProperties(Boolean enabled, String dataDir, Integer port) {

    /**
     * Applies defaults.
     *
     * @param enabled whether to start it
     * @param dataDir data directory or empty
     * @param port    port or 0
     */
    public EmbeddedPostgresProperties {
        enabled = enabled == null || enabled;
        dataDir = dataDir == null ? "" : dataDir.strip();
        port = port == null ? 0 : port;
    }
}
