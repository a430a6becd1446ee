package cn.gov.jieyang.talent.authbridge.keys;

import cn.gov.jieyang.talent.dataprotection.DataKey;
import cn.gov.jieyang.talent.dataprotection.DataProtectionException;
import cn.gov.jieyang.talent.dataprotection.KeyRing;
import cn.gov.jieyang.talent.dataprotection.Purpose;
import cn.gov.jieyang.talent.dataprotection.Sealer;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals the signing keys' private parts for the {@code signing_key} table, through the
 * {@code data-protection} library (a JWE, {@code dir} + {@code A256GCM}, stored as its ASCII bytes).
 *
 * <p>The purpose is {@code bridge.signing-key:<kid>}: a sealed private key copied into another row fails
 * to open there instead of silently becoming that row's private key, and as the kid is the public key's
 * thumbprint this ties the private part to its very public key.
 *
 * <p>Keys: {@code bridge.keys.encryption-key} seals; {@code bridge.keys.previous-encryption-keys} only
 * open rows sealed before a rotation of that key (rows are replaced within three rotation periods).
 */
final class PrivateKeySealer {

    /**
     * The development key, base64 of the 32 ASCII bytes {@code auth-bridge-DEV-ONLY-not-4-prod!}. It is
     * public knowledge (it is in the repository), so using it is only acceptable on a developer's
     * machine: a WARN says so at every start.
     */
    static final String DEVELOPMENT_KEY_BASE64 = "YXV0aC1icmlkZ2UtREVWLU9OTFktbm90LTQtcHJvZCE=";

    private static final Logger log = LoggerFactory.getLogger(PrivateKeySealer.class);
    private static final String CURRENT = "bridge.keys.encryption-key (BRIDGE_KEYS_ENCRYPTION_KEY)";
    private static final String OLDER = "bridge.keys.previous-encryption-keys (BRIDGE_KEYS_PREVIOUS_ENCRYPTION_KEYS)";

    private final Sealer sealer;

    private PrivateKeySealer(KeyRing ring) {
        this.sealer = new Sealer(ring);
    }

    /**
     * Builds the sealer from the settings, refusing a missing or malformed key with a message that
     * names the property and never the value.
     */
    static PrivateKeySealer from(KeysProperties properties) {
        KeyRing ring = KeyRing.fromBase64(properties.encryptionKey(), CURRENT, properties.previousEncryptionKeys(),
                OLDER);
        if (ring.current().kid().equals(DataKey.fromBase64(DEVELOPMENT_KEY_BASE64, "the development key").kid())) {
            log.warn("bridge.keys.encryption-key is the PUBLIC DEVELOPMENT DEFAULT: anyone with a copy of the "
                    + "database can decrypt the token signing keys. Never use it outside a developer machine; "
                    + "set BRIDGE_KEYS_ENCRYPTION_KEY (openssl rand -base64 32).");
        }
        return new PrivateKeySealer(ring);
    }

    /** Seals {@code pkcs8} for the row whose primary key is {@code kid}. */
    byte[] seal(byte[] pkcs8, String kid) {
        return sealer.seal(purpose(kid), pkcs8).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Opens what {@link #seal} stored for {@code kid}.
     *
     * @throws IllegalStateException if the row has none, or it was sealed under a key that is not
     *                               configured, for another kid, or altered
     */
    byte[] open(byte[] stored, String kid) {
        if (stored == null) {
            throw new IllegalStateException("Private key of signing key " + kid + " is missing");
        }
        try {
            return sealer.open(purpose(kid), new String(stored, StandardCharsets.US_ASCII));
        } catch (DataProtectionException e) {
            throw new IllegalStateException("Cannot decrypt the private key of signing key " + kid + ": "
                    + e.getMessage(), e);
        }
    }

    private static Purpose purpose(String kid) {
        return Purpose.of("bridge.signing-key:" + kid);
    }
}
