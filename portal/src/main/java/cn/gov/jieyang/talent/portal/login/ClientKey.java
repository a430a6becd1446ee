package cn.gov.jieyang.talent.portal.login;

import cn.gov.jieyang.talent.dataprotection.Purpose;
import cn.gov.jieyang.talent.dataprotection.Sealer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.text.ParseException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The key with which the portal authenticates to the auth-bridge ({@code private_key_jwt}, RFC 7523):
 * an EC P-256 key for ES256, so that no shared secret exists to leak or to configure. Every instance
 * uses the same key, kept in the portal's database (table {@code client_key}, V12) with the private
 * part sealed by the portal's data-protection {@link Sealer}; the first instance to start makes it.
 * The public part is published by {@link ClientKeyController} (kid = RFC 7638 thumbprint).
 *
 * <p>Sealed under the ID-number key ring: rotating that key (previous keys kept, as for ID numbers)
 * keeps this row readable. No method logs; no message contains key material.
 */
@Component
final class ClientKey {

    static final Purpose PURPOSE = Purpose.of("portal.client-key");
    /** The one row: the key for the auth-bridge. */
    private static final String NAME = "auth-bridge";

    private final ECKey key;
    private final String publicJwks;

    ClientKey(JdbcClient jdbc, Sealer sealer) {
        this.key = loadOrCreate(jdbc, sealer);
        this.publicJwks = new JWKSet(key.toPublicJWK()).toString();
    }

    /** The private key, for signing client assertions. */
    ECKey signingKey() {
        return key;
    }

    /** The JWK Set of the public key only. */
    String publicJwks() {
        return publicJwks;
    }

    /**
     * The stored key; made and stored first if there is none. Safe when instances start at once: each
     * may make a key, but only the first insert lands, and every instance reads back what was stored.
     */
    static ECKey loadOrCreate(JdbcClient jdbc, Sealer sealer) {
        Optional<Row> row = read(jdbc);
        if (row.isEmpty()) {
            ECKey fresh = generate();
            jdbc.sql("""
                    insert into client_key (name, kid, sealed_jwk) values (:name, :kid, :sealed)
                    on conflict (name) do nothing""")
                    .param("name", NAME).param("kid", fresh.getKeyID())
                    .param("sealed", sealer.sealText(PURPOSE, fresh.toJSONString())).update();
            row = read(jdbc);
        }
        return open(row.orElseThrow(() -> new IllegalStateException("client_key has no row after the insert")),
                sealer);
    }

    private record Row(String kid, String sealedJwk) {
    }

    private static Optional<Row> read(JdbcClient jdbc) {
        return jdbc.sql("select kid, sealed_jwk from client_key where name = :name").param("name", NAME)
                .query((rs, n) -> new Row(rs.getString("kid"), rs.getString("sealed_jwk"))).optional();
    }

    private static ECKey open(Row row, Sealer sealer) {
        ECKey key;
        try {
            key = ECKey.parse(sealer.openText(PURPOSE, row.sealedJwk()));
        } catch (ParseException e) {
            throw new IllegalStateException("the sealed client key in client_key is not an EC JWK");
        }
        // The seal authenticates the key; the kid column is only a label, and must agree with it.
        if (!key.isPrivate() || !Curve.P_256.equals(key.getCurve()) || !row.kid().equals(key.getKeyID())
                || !row.kid().equals(thumbprint(key))) {
            throw new IllegalStateException("the client key in client_key is not the P-256 private key its kid "
                    + row.kid() + " names");
        }
        return key;
    }

    private static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint(true).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("P-256 key generation failed", e);
        }
    }

    private static String thumbprint(ECKey key) {
        try {
            return key.computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException("SHA-256 thumbprint failed", e);
        }
    }
}
