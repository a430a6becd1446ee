package cn.gov.jieyang.talent.authbridge.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code signing_key} table. Every change (bootstrap, rotation) runs in one transaction that
 * first takes a PostgreSQL advisory lock, then re-reads the state: of several instances starting or
 * rotating at once, the first does the work and the others see it done. The partial unique index
 * backs this up: even a bypassed lock cannot produce two active keys.
 */
final class SigningKeyStore {

    /** Arbitrary but fixed: "JYKEYS" and 1. No other code of the bridge may use this lock key. */
    static final long ADVISORY_LOCK_KEY = 0x4A59_4B45_5953_0001L;

    private static final Logger log = LoggerFactory.getLogger(SigningKeyStore.class);
    private static final String NEXT = "next";
    private static final String ACTIVE = "active";
    private static final String PREVIOUS = "previous";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final PrivateKeySealer sealer;
    private final KeyChanges changes;

    SigningKeyStore(DataSource dataSource, PrivateKeySealer sealer) {
        this(dataSource, sealer, KeyChanges.NONE);
    }

    SigningKeyStore(DataSource dataSource, PrivateKeySealer sealer, KeyChanges changes) {
        this.changes = changes;
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        // READ COMMITTED on purpose: each statement then sees what the previous lock holder committed.
        // Under REPEATABLE READ the snapshot would be taken at the lock statement, i.e. possibly before
        // the other instance committed, and the re-check after the lock would read stale state.
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.sealer = sealer;
    }

    /** Makes sure there are an active and a next key; true if it had to create or promote one. */
    boolean bootstrap() {
        return locked(this::completeLocked);
    }

    /** Rotates unconditionally (after completing a half-empty table, should there be one). */
    void rotate() {
        locked(() -> {
            completeLocked();
            rotateLocked();
            return null;
        });
    }

    /**
     * Rotates if the active key has been active for {@code period}, judged by the database's clock
     * so that instances with skewed clocks agree. Re-checked under the lock: only one instance acts.
     *
     * @return whether this call changed anything
     */
    boolean rotateIfDue(Duration period) {
        return locked(() -> {
            if (completeLocked()) {
                return true;
            }
            Boolean due = jdbc.queryForObject("select exists(select 1 from signing_key where status = 'active' "
                    + "and activated_at + ? * interval '1 millisecond' <= now())", Boolean.class, period.toMillis());
            if (Boolean.TRUE.equals(due)) {
                rotateLocked();
                return true;
            }
            return false;
        });
    }

    /** Reads and decrypts the live keys. */
    KeyRing load() {
        Map<String, ECKey> byStatus = new HashMap<>();
        jdbc.query("select kid, status, public_jwk, private_key_encrypted from signing_key where status <> 'retired'",
                rs -> {
                    byStatus.put(rs.getString("status"), decode(rs.getString("kid"), rs.getString("public_jwk"),
                            rs.getBytes("private_key_encrypted")));
                });
        if (!byStatus.containsKey(ACTIVE) || !byStatus.containsKey(NEXT)) {
            throw new IllegalStateException("signing_key has no active or no next key (found " + byStatus.keySet()
                    + "); the bootstrap or the scheduled check will create them");
        }
        return new KeyRing(byStatus.get(ACTIVE), byStatus.get(NEXT), byStatus.get(PREVIOUS));
    }

    private <T> T locked(Supplier<T> work) {
        return tx.execute(status -> {
            // A stuck lock holder must not hang every other instance's start for ever.
            jdbc.execute("set local lock_timeout = '30s'");
            jdbc.query("select pg_advisory_xact_lock(?)", rs -> { }, ADVISORY_LOCK_KEY);
            return work.get();
        });
    }

    /** Under the lock: fills a missing active (promoting next if there is one) and a missing next. */
    private boolean completeLocked() {
        var present = jdbc.queryForList("select status from signing_key where status in ('active', 'next')", String.class);
        boolean changed = false;
        boolean hasNext = present.contains(NEXT);
        if (!present.contains(ACTIVE)) {
            if (hasNext) {
                jdbc.update("update signing_key set status = 'active', activated_at = now() where status = 'next'");
                hasNext = false;
            } else {
                insertNew(ACTIVE);
            }
            changed = true;
        }
        if (!hasNext) {
            insertNew(NEXT);
            changed = true;
        }
        if (changed) {
            log.info("Signing keys bootstrapped: there is now an active and a next key");
            tell("created");
        }
        return changed;
    }

    /** Under the lock. The order matters: each step keeps at most one row per live status. */
    private void rotateLocked() {
        // The retired key's private part is erased: nothing may sign with it again, and a later leak
        // of the database and the encryption key then cannot forge with it. Its public JWK stays.
        jdbc.update("update signing_key set status = 'retired', retired_at = now(), private_key_encrypted = null "
                + "where status = 'previous'");
        jdbc.update("update signing_key set status = 'previous' where status = 'active'");
        jdbc.update("update signing_key set status = 'active', activated_at = now() where status = 'next'");
        String kid = insertNew(NEXT);
        log.info("Signing keys rotated; new next key {}", kid);
        tell("rotated");
    }

    /** Under the lock, in the change's transaction (the listener's writes join it: same data source). */
    private void tell(String how) {
        changes.changed(how, jdbc.queryForObject("select kid from signing_key where status = 'active'", String.class),
                jdbc.queryForObject("select kid from signing_key where status = 'next'", String.class));
    }

    private String insertNew(String status) {
        ECKey key = generate();
        byte[] pkcs8 = null;
        try {
            pkcs8 = key.toECPrivateKey().getEncoded();
            byte[] encrypted = sealer.seal(pkcs8, key.getKeyID());
            jdbc.update("insert into signing_key (kid, status, public_jwk, private_key_encrypted, created_at, activated_at) "
                            + "values (?, ?, ?, ?, now(), case when ? = 'active' then now() end)",
                    key.getKeyID(), status, key.toPublicJWK().toJSONString(), encrypted, status);
            return key.getKeyID();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot encode a new EC private key", e);
        } finally {
            if (pkcs8 != null) {
                Arrays.fill(pkcs8, (byte) 0);
            }
        }
    }

    private static ECKey generate() {
        try {
            // kid = RFC 7638 thumbprint: it is derived from the public key, so a row whose public_jwk
            // was swapped no longer matches its kid (checked in decode), and the kid being part of the
            // sealed value's purpose then ties the sealed private part to this very public key.
            return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint(true).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an EC P-256 key", e);
        }
    }

    private ECKey decode(String kid, String publicJwk, byte[] encrypted) {
        byte[] pkcs8 = null;
        try {
            ECKey publicKey = ECKey.parse(publicJwk);
            if (publicKey.isPrivate() || !Curve.P_256.equals(publicKey.getCurve())
                    || !kid.equals(publicKey.computeThumbprint().toString()) || !kid.equals(publicKey.getKeyID())) {
                throw new IllegalStateException("Signing key " + kid + ": public_jwk does not match its kid");
            }
            pkcs8 = sealer.open(encrypted, kid);
            ECPrivateKey privateKey = (ECPrivateKey) KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return new ECKey.Builder(publicKey).privateKey(privateKey).build();
        } catch (ParseException | JOSEException | GeneralSecurityException e) {
            // The cause's message is about the format, never the key bytes.
            throw new IllegalStateException("Signing key " + kid + " cannot be read: " + e.getMessage(), e);
        } finally {
            if (pkcs8 != null) {
                Arrays.fill(pkcs8, (byte) 0);
            }
        }
    }
}
