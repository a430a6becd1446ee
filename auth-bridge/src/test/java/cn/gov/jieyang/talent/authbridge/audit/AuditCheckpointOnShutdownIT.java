package cn.gov.jieyang.talent.authbridge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.authbridge.AuthBridgeApplication;
import cn.gov.jieyang.talent.authbridge.testing.AuditSealForTests;
import cn.gov.jieyang.talent.testsupport.postgres.SharedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A bridge that stops gracefully seals the head of its chain on the way out, so the events since the
 * last hourly checkpoint are covered: its own application (not the tests' shared context, which must
 * stay up), on a database of the shared PostgreSQL that outlives it.
 */
class AuditCheckpointOnShutdownIT {

    @Test
    void aCheckpointOfTheLastEventIsWrittenOnShutdown() throws Exception {
        String url = SharedPostgres.newDatabase();
        AuditSealForTests seal = AuditSealForTests.get();
        ConfigurableApplicationContext bridge = new SpringApplicationBuilder(AuthBridgeApplication.class).run(
                "--spring.profiles.active=dev", "--server.port=0", "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--bridge.audit.seal.pkcs12=" + seal.pkcs12(), "--bridge.audit.seal.password=" + AuditSealForTests.PASSWORD,
                "--bridge.audit.seal.crl=" + seal.crl(), "--bridge.audit.seal.required=true",
                "--bridge.audit.tsa.url=" + seal.tsaUrl(), "--bridge.audit.checkpoint.cron=-");
        bridge.getBean(AuditTrail.class).record(AuditEntry.loginFailed(AuditEntry.Door.PASSWORD, "access_denied", null));
        long checkpointsBefore = count(url, "select count(*) from audit_checkpoint");

        bridge.close();

        assertThat(checkpointsBefore).isZero();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select c.head_seq, c.event_count, c.head_hash = e.hash, "
                     + "c.time_stamp_token is not null, (select count(*) from audit_event) "
                     + "from audit_checkpoint c join audit_event e on e.seq = c.head_seq "
                     + "where c.head_seq = (select max(seq) from audit_event)")) {
            assertThat(rs.next()).as("a checkpoint of the last event").isTrue();
            assertThat(rs.getLong(2)).isEqualTo(rs.getLong(5));
            assertThat(rs.getBoolean(3)).as("the head's hash").isTrue();
            assertThat(rs.getBoolean(4)).as("time-stamped").isTrue();
        }
    }

    private static long count(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
