package cn.gov.jieyang.talent.embeddedpg;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Starts a real PostgreSQL (zonky's binaries from Maven Central) when no external database is
 * configured, and hands its address to Spring Boot as {@link JdbcConnectionDetails}. Setting
 * {@code SPRING_DATASOURCE_URL} (with username and password) switches to an external server with no
 * code change; {@code embedded-postgres.enabled=false} turns this off entirely.
 *
 * <p>The server binds to 127.0.0.1 only. Its JVM shutdown hook is disabled and Spring closes it
 * instead, after the connection pool: zonky's own hook would stop PostgreSQL while Spring is still
 * shutting down, leaving Hikari to time out. A server that a killed JVM left running on the same data
 * directory is stopped first ({@link OrphanedServer}).
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnClass(EmbeddedPostgres.class)
@Conditional(NoExternalDatabaseCondition.class)
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
public class EmbeddedPostgresAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresAutoConfiguration.class);

    /**
     * The running server.
     *
     * @param properties settings
     * @return the started server, closed by Spring
     * @throws IOException if it cannot start
     */
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setRegisterShutdownHook(false)
                .setPGStartupWait(properties.startupWait())
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "100");
        if (properties.port() != 0) {
            builder.setPort(properties.port());
        }
        if (!properties.dataDir().isEmpty()) {
            Path dir = Path.of(properties.dataDir()).toAbsolutePath();
            Files.createDirectories(dir);
            OrphanedServer.stopIfRunning(dir, Duration.ofSeconds(30));
            builder.setDataDirectory(dir).setCleanDataDirectory(false);
        }
        long started = System.nanoTime();
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL listening on 127.0.0.1:{} (data: {}), started in {} ms", postgres.getPort(),
                properties.dataDir().isEmpty() ? "temporary" : properties.dataDir(),
                (System.nanoTime() - started) / 1_000_000);
        return postgres;
    }

    /**
     * Where the data source connects.
     *
     * @param postgres the server
     * @return its connection details
     */
    @Bean
    JdbcConnectionDetails embeddedPostgresConnectionDetails(EmbeddedPostgres postgres) {
        String url = postgres.getJdbcUrl("postgres", "postgres");
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return "postgres";
            }

            @Override
            public String getPassword() {
                return "postgres";
            }

            @Override
            public String getJdbcUrl() {
                return url;
            }
        };
    }
}
