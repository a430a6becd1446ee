package cn.gov.jieyang.talent.authbridge.keys;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * The bridge's token signing keys: EC P-256 / ES256, persisted in PostgreSQL (table
 * {@code signing_key}, private parts encrypted with {@code bridge.keys.encryption-key}) and shared
 * by every bridge instance.
 *
 * <p>Three keys are live at any time: the <b>active</b> key signs new tokens; the <b>next</b> key is
 * already published so relying parties have cached it when it becomes active; the <b>previous</b>
 * key no longer signs but is still published, so tokens it signed keep verifying for one more
 * rotation period. Tokens must therefore live shorter than {@code bridge.keys.rotation-period}.
 *
 * <p>As a {@link JWKSource}, {@link #get(JWKSelector, SecurityContext)} selects among the active,
 * next and previous keys <em>with</em> their private parts (Spring Authorization Server's
 * {@code NimbusJwtEncoder} needs them; give it the active kid in the JWS header, since three keys
 * match ES256). A selector naming a kid this instance does not know makes it reload from the
 * database first, so a token signed with a key another instance just created verifies at once.
 *
 * <p>Each instance caches the decrypted keys for {@code bridge.keys.cache-ttl}; after another
 * instance rotates, this one may keep signing with the now previous key for up to that long, which
 * is harmless because the previous key is still published.
 */
public interface BridgeKeys extends JWKSource<SecurityContext> {

    /**
     * The key new tokens are signed with.
     *
     * @return an EC P-256 JWK including its private part, with kid, {@code alg=ES256} and
     *         {@code use=sig}
     */
    ECKey activeKey();

    /**
     * What {@code /jwks} publishes.
     *
     * @return the public parts of the active, the next and (once there is one) the previous key, in
     *         that order
     */
    JWKSet publicJwkSet();

    /**
     * Rotates now, for every instance: previous → retired (its private part erased), active →
     * previous, next → active, and a new next key is created. Serialised across instances by a
     * PostgreSQL advisory lock.
     */
    void rotate();
}
