package cn.gov.jieyang.talent.dataprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.crypto.DirectDecrypter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Pins the stored format against the documentation, with nothing but Nimbus and the JDK: values sealed
 * today must stay openable after a refactoring, and by any JOSE library that is given the derived key.
 */
class SealedFormatTest {

    private static final Purpose PURPOSE = Purpose.of("bridge.signing-key:some-kid");

    private final Sealer sealer = new Sealer(KeyRing.of(TestKeys.key(TestKeys.A), List.of()));

    @Test
    void isACompactJweWithTheDocumentedHeader() throws Exception {
        JWEObject jwe = JWEObject.parse(sealer.sealText(PURPOSE, "secret"));

        assertThat(jwe.getHeader().getAlgorithm()).isEqualTo(JWEAlgorithm.DIR);
        assertThat(jwe.getHeader().getEncryptionMethod()).isEqualTo(EncryptionMethod.A256GCM);
        assertThat(jwe.getHeader().getType().getType()).isEqualTo("sealed-v1+jwe");
        assertThat(jwe.getHeader().getKeyID()).isEqualTo(kidOf(TestKeys.bytes(1)));
        assertThat(jwe.getHeader().getCustomParam("purpose")).isEqualTo(PURPOSE.name());
        assertThat(jwe.getHeader().getCriticalParams()).containsExactly("purpose");
        assertThat(jwe.getEncryptedKey()).as("dir: no encrypted key").isNull();
        assertThat(jwe.getIV().decode()).hasSize(12);
        assertThat(jwe.getAuthTag().decode()).hasSize(16);
    }

    @Test
    void opensWithNimbusAloneUnderTheDocumentedDerivedKey() throws Exception {
        JWEObject jwe = JWEObject.parse(sealer.sealText(PURPOSE, "secret"));

        jwe.decrypt(new DirectDecrypter(new SecretKeySpec(derive(TestKeys.bytes(1),
                "cn.gov.jieyang.talent.dataprotection/jwe-dir-A256GCM/v1"), "AES"), Set.of("purpose")));

        assertThat(jwe.getPayload().toString()).isEqualTo("secret");
    }

    @Test
    void aJoseLibraryThatDoesNotCheckThePurposeRefusesIt() throws Exception {
        JWEObject jwe = JWEObject.parse(sealer.sealText(PURPOSE, "secret"));
        SecretKeySpec key = new SecretKeySpec(derive(TestKeys.bytes(1),
                "cn.gov.jieyang.talent.dataprotection/jwe-dir-A256GCM/v1"), "AES");

        assertThatThrownBy(() -> jwe.decrypt(new DirectDecrypter(key))).isInstanceOf(JOSEException.class);
    }

    @Test
    void theConfiguredKeyItselfIsNeverTheEncryptionKey() throws Exception {
        JWEObject jwe = JWEObject.parse(sealer.sealText(PURPOSE, "secret"));

        assertThatThrownBy(() -> jwe.decrypt(new DirectDecrypter(new SecretKeySpec(TestKeys.bytes(1), "AES"),
                Set.of("purpose")))).isInstanceOf(JOSEException.class);
    }

    @Test
    void theKeyedHashIsHmacSha256UnderItsOwnDerivedKeyOverPurposeZeroValue() throws Exception {
        byte[] expected = hmac(derive(TestKeys.bytes(1), "cn.gov.jieyang.talent.dataprotection/keyed-hash-HMAC-SHA256/v1"),
                "portal.id-number-lookup\u0000RESIDENT_ID:44520219851231123X");

        assertThat(new KeyedHash(TestKeys.key(TestKeys.A)).hash(Purpose.of("portal.id-number-lookup"),
                "RESIDENT_ID:44520219851231123X")).isEqualTo(expected);
    }

    static String kidOf(byte[] key) throws Exception {
        byte[] full = derive(key, "cn.gov.jieyang.talent.dataprotection/kid/v1");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, 9));
    }

    private static byte[] derive(byte[] key, String label) throws Exception {
        return hmac(key, label);
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }
}
