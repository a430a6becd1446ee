package cn.gov.jieyang.talent.authbridge.session;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.authbridge.testing.BridgeWithFakeYuexinqian;
import cn.gov.jieyang.talent.identity.IdNumber;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Old sessions, with their encrypted ID numbers, are deleted a day after expiry; current ones stay. */
class ExpiredSessionCleanupIT extends BridgeWithFakeYuexinqian {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Sessions sessions;

    @Autowired
    ExpiredSessionCleanup cleanup;

    @Test
    void deletesSessionsADayAfterTheyExpiredAndKeepsCurrentOnes() {
        var old = sessions.start(new NewSession("p-old", SubjectType.INDIVIDUAL, Acr.FACE_VERIFIED, List.of("face"),
                "张三", IdNumber.residentId("44520219851231123X"), null, List.of("individual")));
        var current = sessions.start(new NewSession("p-current", SubjectType.INDIVIDUAL, Acr.PASSWORD,
                List.of("pwd"), "李四", null, null, List.of("individual")));
        jdbc.sql("update bridge_session set expires_at = now() - interval '2 days' where sid = :sid")
                .param("sid", old.sid()).update();

        cleanup.run();

        assertThat(rows(old.sid())).isZero();
        assertThat(rows(current.sid())).isOne();
    }

    private int rows(String sid) {
        return jdbc.sql("select count(*) from bridge_session where sid = :sid").param("sid", sid)
                .query(Integer.class).single();
    }
}
