package cn.gov.jieyang.talent.testsupport.postgres;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives every Spring test context of a JVM its own database on {@link SharedPostgres}, by setting
 * {@code spring.datasource.url} (and user and password) as the lowest-precedence property: the apps'
 * embedded-postgres auto-configuration then steps aside exactly as it does for an external database,
 * and anything that sets the URL itself (a test, {@code SPRING_DATASOURCE_URL}) still wins. A context
 * with {@code test-support.shared-postgres=false} or {@code embedded-postgres.enabled=false} is left alone.
 *
 * <p>Registered in {@code META-INF/spring.factories}, so a test-scoped dependency on this module is all
 * it takes. The customizer is the same for every test class, so the context cache is not split.
 */
public final class SharedPostgresContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        return DatabasePerContext.INSTANCE;
    }

    private enum DatabasePerContext implements ContextCustomizer {
        INSTANCE;

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
            ConfigurableEnvironment environment = context.getEnvironment();
            if (environment.containsProperty("spring.datasource.url")
                    || "false".equalsIgnoreCase(environment.getProperty("embedded-postgres.enabled"))
                    || "false".equalsIgnoreCase(environment.getProperty("test-support.shared-postgres"))) {
                return;
            }
            environment.getPropertySources().addLast(new MapPropertySource("test-support shared PostgreSQL", Map.of(
                    "spring.datasource.url", SharedPostgres.newDatabase(),
                    "spring.datasource.username", "postgres",
                    "spring.datasource.password", "postgres")));
        }
    }
}
