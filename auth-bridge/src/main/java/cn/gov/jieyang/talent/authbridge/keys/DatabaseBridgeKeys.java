package cn.gov.jieyang.talent.authbridge.keys;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link BridgeKeys} over {@link SigningKeyStore}, with a per-instance cache of the decrypted keys.
 *
 * <p>Reads never block on each other (one volatile snapshot); reloads are serialised. A reload
 * happens when the snapshot is older than the cache TTL, after this instance rotates, and when a
 * selector names a kid the snapshot does not hold. That last trigger is reachable by anyone who can
 * present a token with a made-up kid, so it is rate-limited: at most one such reload per
 * {@link #UNKNOWN_KID_RELOAD_INTERVAL}, whatever the traffic.
 */
final class DatabaseBridgeKeys implements BridgeKeys {

    static final Duration UNKNOWN_KID_RELOAD_INTERVAL = Duration.ofMillis(500);

    private static final Logger log = LoggerFactory.getLogger(DatabaseBridgeKeys.class);

    private final SigningKeyStore store;
    private final Duration rotationPeriod;
    private final long cacheTtlNanos;
    private final LongSupplier nanoClock;
    private final Object reloadLock = new Object();
    private volatile Snapshot snapshot;

    /** The decrypted live keys, both sets built once, and when they were read (nanoClock time). */
    private record Snapshot(KeyRing ring, JWKSet privateSet, JWKSet publicSet, long loadedAt) {

        static Snapshot of(KeyRing ring, long loadedAt) {
            return new Snapshot(ring, ring.privateSet(), ring.publicSet(), loadedAt);
        }
    }

    DatabaseBridgeKeys(SigningKeyStore store, KeysProperties properties, LongSupplier nanoClock) {
        this.store = store;
        this.rotationPeriod = properties.rotationPeriod();
        this.cacheTtlNanos = properties.cacheTtl().toNanos();
        this.nanoClock = nanoClock;
    }

    /** The production wiring; the encryption key is checked here, before any database access. */
    static DatabaseBridgeKeys create(DataSource dataSource, KeysProperties properties) {
        return create(dataSource, properties, KeyChanges.NONE);
    }

    /** The production wiring, telling {@code changes} of every change. */
    static DatabaseBridgeKeys create(DataSource dataSource, KeysProperties properties, KeyChanges changes) {
        PrivateKeySealer sealer = PrivateKeySealer.from(properties);
        return new DatabaseBridgeKeys(new SigningKeyStore(dataSource, sealer, changes), properties, System::nanoTime);
    }

    /**
     * Creates the first keys if the database has none (safe when several instances start at once)
     * and loads them. Fails, and so stops the application, if they cannot be decrypted.
     */
    DatabaseBridgeKeys start() {
        store.bootstrap();
        synchronized (reloadLock) {
            snapshot = Snapshot.of(store.load(), nanoClock.getAsLong());
        }
        log.info("Signing keys loaded: {}", snapshot.ring().describe());
        return this;
    }

    @Override
    public ECKey activeKey() {
        return current().ring().active();
    }

    @Override
    public JWKSet publicJwkSet() {
        return current().publicSet();
    }

    @Override
    public List<JWK> get(JWKSelector jwkSelector, SecurityContext context) {
        Snapshot current = current();
        List<JWK> selected = jwkSelector.select(current.privateSet());
        if (selected.isEmpty() && namesUnknownKid(jwkSelector, current)) {
            current = reloadForUnknownKid(current);
            selected = jwkSelector.select(current.privateSet());
        }
        return selected;
    }

    @Override
    public void rotate() {
        store.rotate();
        reloadNow();
    }

    /** The scheduled check: rotates if the active key is due; a no-op on all but one instance. */
    void rotateIfDue() {
        if (store.rotateIfDue(rotationPeriod)) {
            reloadNow();
        }
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        if (current == null) {
            throw new IllegalStateException("BridgeKeys used before start()");
        }
        if (nanoClock.getAsLong() - current.loadedAt() < cacheTtlNanos) {
            return current;
        }
        synchronized (reloadLock) {
            current = snapshot;
            // Another thread may have reloaded while this one waited for the lock.
            if (nanoClock.getAsLong() - current.loadedAt() >= cacheTtlNanos) {
                current = reloadKeepingOldOnFailure(current);
            }
            return current;
        }
    }

    private static boolean namesUnknownKid(JWKSelector selector, Snapshot current) {
        Set<String> kids = selector.getMatcher().getKeyIDs();
        return kids != null && !kids.isEmpty() && kids.stream().anyMatch(kid -> kid != null && !current.ring().knows(kid));
    }

    private Snapshot reloadForUnknownKid(Snapshot seen) {
        synchronized (reloadLock) {
            Snapshot current = snapshot;
            if (current != seen) {
                return current; // someone reloaded meanwhile: use theirs
            }
            if (nanoClock.getAsLong() - current.loadedAt() < UNKNOWN_KID_RELOAD_INTERVAL.toNanos()) {
                return current; // read moments ago: rereading cannot help, and must not be floodable
            }
            return reloadKeepingOldOnFailure(current);
        }
    }

    private void reloadNow() {
        synchronized (reloadLock) {
            snapshot = Snapshot.of(store.load(), nanoClock.getAsLong());
            log.info("Signing keys reloaded after rotation: {}", snapshot.ring().describe());
        }
    }

    /**
     * Caller holds reloadLock. If the database cannot be read, keeps signing and verifying with
     * the keys it has (they are at most one rotation period from being wrong, and the previous key
     * covers that) and waits another TTL before retrying, so an outage does not turn every request
     * into a connection timeout.
     */
    private Snapshot reloadKeepingOldOnFailure(Snapshot old) {
        Snapshot fresh;
        try {
            fresh = Snapshot.of(store.load(), nanoClock.getAsLong());
            if (!fresh.ring().active().getKeyID().equals(old.ring().active().getKeyID())) {
                log.info("Signing keys changed by another instance: {}", fresh.ring().describe());
            }
        } catch (RuntimeException e) {
            log.warn("Cannot reload the signing keys, keeping the ones loaded earlier: {}", e.toString());
            fresh = new Snapshot(old.ring(), old.privateSet(), old.publicSet(), nanoClock.getAsLong());
        }
        snapshot = fresh;
        return fresh;
    }
}
