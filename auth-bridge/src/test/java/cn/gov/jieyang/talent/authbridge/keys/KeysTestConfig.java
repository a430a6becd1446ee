package cn.gov.jieyang.talent.authbridge.keys;

import cn.gov.jieyang.talent.embeddedpg.EmbeddedPostgresAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Just what the keys need: a real (embedded) PostgreSQL, Flyway, JDBC and the keys package — so
 * these tests neither depend on nor break with the rest of the bridge's configuration.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({EmbeddedPostgresAutoConfiguration.class, DataSourceAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class, FlywayAutoConfiguration.class})
@Import(KeysConfiguration.class)
class KeysTestConfig {

    /**
     * A test-only AES key (base64 of "test-only-key-for-bridge-keys-32"), not the development
     * default, so the WARN stays out of these logs. The tests also set {@code spring.flyway.target=1}:
     * only V1 is migrated, so the other packages' in-progress migrations cannot break these tests.
     */
    static final String TEST_ENCRYPTION_KEY = "dGVzdC1vbmx5LWtleS1mb3ItYnJpZGdlLWtleXMtMzI=";
}
