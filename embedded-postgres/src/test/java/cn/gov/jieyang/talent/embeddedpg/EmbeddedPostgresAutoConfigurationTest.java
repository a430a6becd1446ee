package cn.gov.jieyang.talent.embeddedpg;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    /**
     * A {@code ./run} killed with SIGKILL leaves its PostgreSQL running on the data directory; the
     * next start used to fail on that server's lock file (postmaster.pid) and {@code ./run} stayed
     * down until someone found and killed the orphan by hand.
     */
    @Test
    void startsOnADataDirectoryThatAnOrphanedServerStillHolds(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("pg");
        Files.createDirectories(data);
        Process owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OrphanedPostgres.class.getName(), data.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("owner.log").toFile()).start();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(dir.resolve("owner.log")).contains("ready")) {
            assertThat(owner.isAlive()).as("the first owner started").isTrue();
            assertThat(System.nanoTime()).as("the first owner started in time").isLessThan(deadline);
            Thread.sleep(100);
        }
        owner.destroyForcibly().waitFor();   // SIGKILL: its PostgreSQL lives on
        long orphanPid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).contains(true);
        try {
            runner.withPropertyValues("embedded-postgres.data-dir=" + data).run(context -> {
                assertThat(context).hasNotFailed();
                try (Connection c = context.getBean(DataSource.class).getConnection();
                        ResultSet rs = c.createStatement().executeQuery("select pg_postmaster_start_time()")) {
                    assertThat(rs.next()).isTrue();
                }
                assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false))
                        .as("the orphaned server was stopped").isFalse();
            });
        } finally {
            ProcessHandle.of(orphanPid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
