package cn.gov.jieyang.talent.authbridge.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The keys against a real PostgreSQL. Each test makes its own {@link DatabaseBridgeKeys} instances
 * on the shared database (as separate bridge instances would be) and asserts relative to the state
 * it found, so the tests do not depend on their order.
 */
@SpringBootTest(classes = KeysTestConfig.class, properties = {
    "bridge.keys.encryption-key=" + KeysTestConfig.TEST_ENCRYPTION_KEY, "spring.flyway.target=1"})
@ExtendWith(OutputCaptureExtension.class)
class BridgeKeysTest {

    @Autowired
    BridgeKeys bridgeKeys;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    KeysProperties properties;

    @Test
    void theApplicationBeanIsStartedAndIsTheJwkSource() {
        assertThat(bridgeKeys).isInstanceOf(com.nimbusds.jose.jwk.source.JWKSource.class);
        // Other tests rotate on the same database, so its cached active key may be previous or retired
        // by now; it must be one the database holds, private part and all.
        assertThat(bridgeKeys.activeKey().isPrivate()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from signing_key where kid = ?", Integer.class,
                bridgeKeys.activeKey().getKeyID())).isEqualTo(1);
    }

    @Test
    void publishesActiveNextAndPreviousAfterRotation() {
        BridgeKeys keys = anotherInstance();
        String oldActive = keys.activeKey().getKeyID();
        String oldNext = keys.publicJwkSet().getKeys().get(1).getKeyID();

        keys.rotate();

        List<JWK> published = keys.publicJwkSet().getKeys();
        assertThat(published).extracting(JWK::getKeyID).hasSize(3)
                .startsWith(oldNext).endsWith(oldActive).doesNotHaveDuplicates();
        assertThat(published).allSatisfy(jwk -> {
            assertThat(jwk.isPrivate()).as("published key is public only").isFalse();
            assertThat(jwk.toJSONObject()).doesNotContainKey("d");
            assertThat(jwk.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
            assertThat(jwk.getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        });
        ECKey active = keys.activeKey();
        assertThat(active.getKeyID()).isEqualTo(oldNext);
        assertThat(active.isPrivate()).isTrue();
        assertThat(liveKids()).containsEntry("active", oldNext).containsEntry("previous", oldActive)
                .containsEntry("next", published.get(1).getKeyID());
        assertThat(jdbc.queryForObject("select status from signing_key where kid = ?", String.class,
                published.get(1).getKeyID())).isEqualTo("next");
    }

    @Test
    void aTokenSignedBeforeRotationStillVerifiesAfterIt() throws Exception {
        BridgeKeys keys = anotherInstance();
        SignedJWT token = sign(keys.activeKey(), "before-rotation");

        keys.rotate();

        assertThat(verify(keys, token).getSubject()).isEqualTo("before-rotation");

        // Two rotations later its key is retired and no longer published: the token is refused.
        keys.rotate();
        assertThatThrownBy(() -> verify(keys, token)).isInstanceOf(BadJOSEException.class);
        assertThat(jdbc.queryForObject("select private_key_encrypted is null from signing_key where kid = ?",
                Boolean.class, token.getHeader().getKeyID())).as("retired private key erased").isTrue();
    }

    @Test
    void keysSurviveARestart() {
        BridgeKeys first = anotherInstance();
        first.rotate();

        BridgeKeys restarted = anotherInstance();

        assertThat(restarted.publicJwkSet().toString()).isEqualTo(first.publicJwkSet().toString());
        assertThat(restarted.activeKey().getKeyID()).isEqualTo(first.activeKey().getKeyID());
        assertThat(restarted.activeKey().getD()).isEqualTo(first.activeKey().getD()); // same private key
    }

    @Test
    void privateKeysAreEncryptedAtRest() throws Exception {
        ECKey active = anotherInstance().activeKey();
        Map<String, Object> row = jdbc.queryForMap(
                "select public_jwk, private_key_encrypted from signing_key where kid = ?", active.getKeyID());
        byte[] stored = (byte[]) row.get("private_key_encrypted");
        byte[] pkcs8 = active.toECPrivateKey().getEncoded();
        byte[] rawD = active.getD().decode();

        assertThat(containsSequence(stored, pkcs8)).isFalse();
        assertThat(containsSequence(stored, rawD)).isFalse();
        assertThat(containsSequence(stored, active.getD().toString().getBytes())).isFalse();
        assertThat((String) row.get("public_jwk")).doesNotContain("\"d\"");

        PrivateKeySealer anotherKey = PrivateKeySealer.from(
                new KeysProperties(PrivateKeySealer.DEVELOPMENT_KEY_BASE64, null, null, null));
        assertThatThrownBy(() -> anotherKey.open(stored, active.getKeyID()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Cannot decrypt");
        assertThat(PrivateKeySealer.from(properties).open(stored, active.getKeyID())).isEqualTo(pkcs8);
    }

    @Test
    void aCiphertextMovedToAnotherRowIsRefused() {
        String active = anotherInstance().activeKey().getKeyID();
        String next = liveKids().get("next");
        byte[] original = jdbc.queryForObject("select private_key_encrypted from signing_key where kid = ?",
                byte[].class, next);
        // Someone with write access to the table, but not the AES key, copies the active key's
        // private part into the next key's row: the kid as associated data makes that fail loudly.
        jdbc.update("update signing_key set private_key_encrypted = (select private_key_encrypted from signing_key "
                + "where kid = ?) where kid = ?", active, next);
        try {
            assertThatThrownBy(this::anotherInstance).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Cannot decrypt the private key of signing key " + next);
        } finally {
            jdbc.update("update signing_key set private_key_encrypted = ? where kid = ?", original, next);
        }
    }

    @Test
    void signsAndVerifiesThroughSpringSecuritysNimbusJwtEncoderAndDecoder() {
        String kid = bridgeKeys.activeKey().getKeyID();
        Jwt jwt = new NimbusJwtEncoder(bridgeKeys).encode(JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.ES256).keyId(kid).build(),
                JwtClaimsSet.builder().subject("via-spring").build()));

        assertThat(jwt.getHeaders()).containsEntry("kid", kid);
        Jwt decoded = NimbusJwtDecoder.withJwkSource(bridgeKeys).jwsAlgorithm(SignatureAlgorithm.ES256).build()
                .decode(jwt.getTokenValue());
        assertThat(decoded.getSubject()).isEqualTo("via-spring");
    }

    @Test
    void logsNoKeyMaterial(CapturedOutput output) throws Exception {
        BridgeKeys keys = anotherInstance();
        keys.rotate();

        assertThat(output).contains("Signing keys rotated");
        List<JWK> live = keys.get(new JWKSelector(new JWKMatcher.Builder().build()), null);
        assertThat(live).hasSize(3);
        for (JWK key : live) {
            assertThat(output).doesNotContain(((ECKey) key).getD().toString());
        }
        assertThat(output).doesNotContain(KeysTestConfig.TEST_ENCRYPTION_KEY);
    }

    private DatabaseBridgeKeys anotherInstance() {
        return DatabaseBridgeKeys.create(dataSource, properties).start();
    }

    private Map<String, String> liveKids() {
        return jdbc.queryForList("select status, kid from signing_key where status <> 'retired'").stream()
                .collect(Collectors.toMap(r -> (String) r.get("status"), r -> (String) r.get("kid")));
    }

    static SignedJWT sign(ECKey key, String subject) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().subject(subject).build());
        jwt.sign(new ECDSASigner(key));
        return jwt;
    }

    static JWTClaimsSet verify(BridgeKeys keys, SignedJWT token) throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, keys));
        return processor.process(token.serialize(), null);
    }

    private static boolean containsSequence(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
