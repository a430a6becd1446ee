package cn.gov.jieyang.talent.authbridge.keys;

import static cn.gov.jieyang.talent.authbridge.keys.BridgeKeysTest.sign;
import static cn.gov.jieyang.talent.authbridge.keys.BridgeKeysTest.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Several bridge instances on one database: concurrent bootstrap and rotation under the advisory
 * lock, and how each instance's cache catches up with what another one did.
 */
@SpringBootTest(classes = KeysTestConfig.class, properties = {
    "bridge.keys.encryption-key=" + KeysTestConfig.TEST_ENCRYPTION_KEY, "spring.flyway.target=1"})
class BridgeKeysInstancesTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    KeysProperties properties;

    @Autowired
    JdbcConnectionDetails database;

    @Test
    void onlyOneInstanceRotatesAtOnce() throws Exception {
        DatabaseBridgeKeys a = instance(dataSource);
        DatabaseBridgeKeys b = instance(dataSource);
        int retiredBefore = count("retired");

        List<Callable<Object>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            DatabaseBridgeKeys keys = i % 2 == 0 ? a : b;
            calls.add(() -> {
                keys.rotate();
                return null;
            });
        }
        runTogether(calls);

        assertExactlyOneOfEachLiveStatus();
        assertThat(count("retired")).as("every rotate() call rotated once, none lost").isEqualTo(retiredBefore + 8);
    }

    @Test
    void aDueRotationHappensOnceAcrossInstances() throws Exception {
        DatabaseBridgeKeys a = instance(dataSource);
        DatabaseBridgeKeys b = instance(dataSource);
        Map<String, String> before = liveKids();
        jdbc.update("update signing_key set activated_at = now() - interval '2 days' where status = 'active'");

        List<Callable<Object>> checks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            DatabaseBridgeKeys keys = i % 2 == 0 ? a : b;
            checks.add(() -> {
                keys.rotateIfDue();
                return null;
            });
        }
        runTogether(checks);

        assertExactlyOneOfEachLiveStatus();
        assertThat(liveKids()).as("rotated exactly once").containsEntry("active", before.get("next"))
                .containsEntry("previous", before.get("active"));
        b.rotateIfDue(); // just activated: not due
        assertThat(liveKids().get("active")).isEqualTo(before.get("next"));
    }

    @Test
    void instancesStartingTogetherOnAnEmptyDatabaseAgreeOnOneKeySet() throws Exception {
        // An empty database of its own, so the other tests' keys stay untouched.
        String name = "keys_bootstrap_" + System.nanoTime();
        jdbc.execute("create database " + name);
        // The same server as the context's database (the embedded one, or the test run's shared one).
        String url = database.getJdbcUrl().replaceFirst("/[^/?]+(\\?.*)?$", "/" + name);
        String user = database.getUsername();
        String password = database.getPassword();
        Flyway.configure().dataSource(url, user, password).target("1").load().migrate();
        List<SingleConnectionDataSource> sources = List.of(new SingleConnectionDataSource(url, user, password, true),
                new SingleConnectionDataSource(url, user, password, true),
                new SingleConnectionDataSource(url, user, password, true));
        try {
            List<Callable<String>> starts = sources.stream()
                    .<Callable<String>>map(ds -> () -> instance(ds).activeKey().getKeyID()).toList();

            List<String> activeKids = runTogether(starts);

            assertThat(activeKids).hasSize(3).containsOnly(activeKids.get(0));
            List<String> statuses = new JdbcTemplate(sources.get(0)).queryForList(
                    "select status from signing_key order by status", String.class);
            assertThat(statuses).containsExactly("active", "next");
        } finally {
            sources.forEach(SingleConnectionDataSource::destroy);
            jdbc.execute("drop database " + name);
        }
    }

    @Test
    void unknownKidTriggersReload() throws Exception {
        AtomicLong clock = new AtomicLong();
        DatabaseBridgeKeys a = instance(dataSource, clock);
        DatabaseBridgeKeys b = instance(dataSource);
        b.rotate();
        b.rotate(); // b's active key was created after a loaded its keys
        ECKey fresh = b.activeKey();
        assertThat(a.publicJwkSet().getKeys()).extracting(JWK::getKeyID).doesNotContain(fresh.getKeyID());
        SignedJWT token = sign(fresh, "signed-by-b");

        clock.addAndGet(Duration.ofSeconds(1).toNanos()); // far inside the 10 s cache TTL

        assertThat(verify(a, token).getSubject()).isEqualTo("signed-by-b");
        assertThat(a.activeKey().getKeyID()).isEqualTo(fresh.getKeyID());
    }

    @Test
    void unknownKidReloadsAreRateLimited() throws Exception {
        AtomicLong clock = new AtomicLong();
        DatabaseBridgeKeys a = instance(dataSource, clock);
        DatabaseBridgeKeys b = instance(dataSource);
        b.rotate();
        b.rotate();
        SignedJWT token = sign(b.activeKey(), "signed-by-b");

        // Keys read moments ago: made-up (or brand-new) kids do not send every request to the database.
        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> verify(a, token)).isInstanceOf(BadJOSEException.class);
        }
        clock.addAndGet(DatabaseBridgeKeys.UNKNOWN_KID_RELOAD_INTERVAL.toNanos());

        assertThat(verify(a, token).getSubject()).isEqualTo("signed-by-b");
    }

    @Test
    void anotherInstancesRotationIsSeenAfterTheCacheTtl() {
        AtomicLong clock = new AtomicLong();
        DatabaseBridgeKeys a = instance(dataSource, clock);
        String before = a.activeKey().getKeyID();
        instance(dataSource).rotate();

        clock.set(properties.cacheTtl().minusMillis(1).toNanos());
        assertThat(a.activeKey().getKeyID()).as("still cached").isEqualTo(before);

        clock.set(properties.cacheTtl().toNanos());
        assertThat(a.activeKey().getKeyID()).isEqualTo(liveKids().get("active")).isNotEqualTo(before);
    }

    private DatabaseBridgeKeys instance(DataSource ds) {
        return DatabaseBridgeKeys.create(ds, properties).start();
    }

    private DatabaseBridgeKeys instance(DataSource ds, AtomicLong clock) {
        SigningKeyStore store = new SigningKeyStore(ds, PrivateKeySealer.from(properties));
        return new DatabaseBridgeKeys(store, properties, clock::get).start();
    }

    private void assertExactlyOneOfEachLiveStatus() {
        assertThat(jdbc.queryForList("select status from signing_key where status <> 'retired' order by status",
                String.class)).containsExactly("active", "next", "previous");
    }

    private int count(String status) {
        return jdbc.queryForObject("select count(*) from signing_key where status = ?", Integer.class, status);
    }

    private Map<String, String> liveKids() {
        Map<String, String> kids = new HashMap<>();
        jdbc.query("select status, kid from signing_key where status <> 'retired'",
                rs -> {
                    kids.put(rs.getString(1), rs.getString(2));
                });
        return kids;
    }

    /** Starts all calls at the same instant (a barrier), waits for them, rethrows the first failure. */
    private static <T> List<T> runTogether(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CyclicBarrier barrier = new CyclicBarrier(calls.size());
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    barrier.await(10, TimeUnit.SECONDS);
                    return call.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
