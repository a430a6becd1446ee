package cn.gov.jieyang.talent.mockyxq.keys;

import cn.gov.jieyang.talent.mockyxq.MockYuexinqianProperties;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The mock's callback signing key (persisted, published at {@code /jwks}) and a second, foreign key
 * (in memory only, never published) for the {@code wrong_key} failure switch.
 *
 * <p>The kid is the key's RFC 7638 thumbprint, so it follows from the key itself and survives a
 * restart together with the key file.
 */
@Component
public class SigningKeys {

    static final String KEY_FILE = "keys.p12";

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final ECKey signingKey;
    private final ECKey foreignKey;
    private final JWKSet publicJwkSet;

    @Autowired
    SigningKeys(MockYuexinqianProperties properties) {
        this(properties.dataDir(), properties.keystorePassword());
    }

    SigningKeys(Path dataDir, String keystorePassword) {
        Path file = dataDir.resolve(KEY_FILE);
        this.signingKey = toJwk(KeyStoreFile.loadOrCreate(file, keystorePassword.toCharArray()));
        try {
            this.foreignKey = toJwk(KeyStoreFile.generateP256());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate the foreign key for the wrong_key switch", e);
        }
        this.publicJwkSet = new JWKSet(signingKey.toPublicJWK());
        log.info("Callback signing key kid={} from {}", signingKey.getKeyID(), file.toAbsolutePath());
    }

    /** The key that signs callbacks; its public half is in {@link #publicJwkSet()}. */
    public ECKey signingKey() {
        return signingKey;
    }

    /** A valid P-256 key that is not in the JWK set: signatures made with it must be refused. */
    public ECKey foreignKey() {
        return foreignKey;
    }

    /** The published set: public parameters only. */
    public JWKSet publicJwkSet() {
        return publicJwkSet;
    }

    private static ECKey toJwk(KeyPair pair) {
        if (!(pair.getPublic() instanceof ECPublicKey publicKey) || !(pair.getPrivate() instanceof ECPrivateKey privateKey)
                || !Curve.P_256.equals(Curve.forECParameterSpec(publicKey.getParams()))) {
            throw new IllegalStateException("The signing key must be an EC P-256 key (ES256)");
        }
        try {
            return new ECKey.Builder(Curve.P_256, publicKey)
                    .privateKey(privateKey)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint()
                    .build();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot compute the key's thumbprint", e);
        }
    }
}
