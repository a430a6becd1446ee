package cn.gov.jieyang.talent.authbridge.audit;

import cn.gov.jieyang.talent.signing.CheckpointSigner;
import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the checkpoints: the seal is loaded at start ({@link CheckpointSeal}: a production bridge
 * without a usable seal does not start), the hourly checkpoint is scheduled
 * ({@code bridge.audit.checkpoint.cron}, {@code -} turns it off: the tests make their own) and one is
 * made on shutdown.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
@EnableScheduling
class AuditConfiguration {

    @Bean
    AuditCheckpoints auditCheckpoints(JdbcClient jdbc, AuditProperties properties, Clock clock,
                                      PlatformTransactionManager transactions) {
        Optional<CheckpointSigner> signer = CheckpointSeal.load(properties, clock);
        return new AuditCheckpoints(jdbc, signer, clock, new TransactionTemplate(transactions));
    }

    @Bean
    CheckpointOnShutdown checkpointOnShutdown(AuditCheckpoints checkpoints,
                                              @Value("${bridge.audit.checkpoint.on-shutdown:true}") boolean enabled) {
        return new CheckpointOnShutdown(checkpoints, enabled);
    }

    @Bean
    AuditExporter auditExporter(JdbcTemplate jdbcTemplate, Clock clock, PlatformTransactionManager transactions) {
        return new AuditExporter(jdbcTemplate, clock, transactions);
    }
}
