package cn.gov.jieyang.talent.authbridge.keys;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The live keys as read from the database, with their private parts.
 *
 * @param active   signs new tokens
 * @param next     published, signs after the next rotation
 * @param previous published so older tokens verify; null until the first rotation
 */
record KeyRing(ECKey active, ECKey next, ECKey previous) {

    KeyRing {
        Objects.requireNonNull(active, "active");
        Objects.requireNonNull(next, "next");
    }

    /** Active, next, previous: the order /jwks publishes them in. */
    List<ECKey> live() {
        List<ECKey> keys = new ArrayList<>(3);
        keys.add(active);
        keys.add(next);
        if (previous != null) {
            keys.add(previous);
        }
        return keys;
    }

    /** The live keys with private parts: what the JWKSource selects from (the encoder signs with it). */
    JWKSet privateSet() {
        return new JWKSet(List.<JWK>copyOf(live()));
    }

    /** The live keys without private parts: what is safe to publish. */
    JWKSet publicSet() {
        return new JWKSet(live().stream().<JWK>map(ECKey::toPublicJWK).toList());
    }

    boolean knows(String kid) {
        return live().stream().anyMatch(key -> key.getKeyID().equals(kid));
    }

    /** Kids only: safe to log. */
    String describe() {
        return "active " + active.getKeyID() + ", next " + next.getKeyID() + ", previous "
                + (previous == null ? "none" : previous.getKeyID());
    }
}
