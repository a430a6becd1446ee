package cn.gov.jieyang.talent.embeddedpg;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class EmbeddedPostgresAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(EmbeddedPostgresAutoConfiguration.class, DataSourceAutoConfiguration.class));

    @Test
    void startsARealPostgresOnLoopbackWhenNoUrlIsConfigured() {
        runner.run(context -> {
            DataSource ds = context.getBean(DataSource.class);
            try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                    "select version(), inet_server_addr()::text")) {
                rs.next();
                assertThat(rs.getString(1)).startsWith("PostgreSQL 17");
                assertThat(rs.getString(2)).startsWith("127.0.0.1");
            }
        });
    }

    @Test
    void staysOutOfTheWayWhenAnExternalUrlIsConfigured() {
        runner.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example:5432/talent")
                .run(context -> assertThat(context).doesNotHaveBean(EmbeddedPostgres.class));
    }
}
