package cn.gov.jieyang.talent.portal.audit;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduling for the hourly audit checkpoint ({@link AuditCheckpoints}); {@code portal.audit.checkpoint.cron=-}
 * turns that one off (the tests do, to make their own).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditScheduling {
}
