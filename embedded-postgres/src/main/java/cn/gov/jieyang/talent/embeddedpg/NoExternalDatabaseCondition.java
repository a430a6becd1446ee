package cn.gov.jieyang.talent.embeddedpg;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Matches when no external database is configured and the embedded one is not switched off. */
class NoExternalDatabaseCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String url = context.getEnvironment().getProperty("spring.datasource.url");
        if (StringUtils.hasText(url)) {
            return ConditionOutcome.noMatch("spring.datasource.url is set: using the external database");
        }
        if ("false".equalsIgnoreCase(context.getEnvironment().getProperty("embedded-postgres.enabled"))) {
            return ConditionOutcome.noMatch("embedded-postgres.enabled is false");
        }
        return ConditionOutcome.match("no spring.datasource.url: starting an embedded PostgreSQL");
    }
}
