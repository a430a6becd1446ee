package cn.gov.jieyang.talent.authbridge.keys;

import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Wires the signing keys. The {@link BridgeKeys} bean is also the application's
 * {@code JWKSource<SecurityContext>}, so Spring Authorization Server's own in-memory key source
 * (conditional on a missing one) is not created.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeysProperties.class)
@EnableScheduling
class KeysConfiguration {

    static {
        // Also when the bridge runs in a test's application context rather than from main().
        FastEcdsa.install();
    }

    /**
     * Starting here (not lazily) means a missing encryption key, or one that cannot decrypt the
     * stored keys, stops the application at start rather than at the first login. Depends on
     * database initialisation so that Flyway has created {@code signing_key} first. Every change is
     * told to the {@link KeyChanges} bean, if there is one (the audit trail).
     */
    @Bean
    @DependsOnDatabaseInitialization
    DatabaseBridgeKeys bridgeKeys(DataSource dataSource, KeysProperties properties,
                                  ObjectProvider<KeyChanges> changes) {
        return DatabaseBridgeKeys.create(dataSource, properties, changes.getIfAvailable(() -> KeyChanges.NONE)).start();
    }

    @Bean
    KeyRotationSchedule keyRotationSchedule(DatabaseBridgeKeys bridgeKeys) {
        return new KeyRotationSchedule(bridgeKeys);
    }
}
