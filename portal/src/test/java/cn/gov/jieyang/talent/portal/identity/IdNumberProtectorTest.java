package cn.gov.jieyang.talent.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdNumberProtectorTest {

    private static final byte[] MASTER = bytes(1);
    private static final String KEY = Base64.getEncoder().encodeToString(MASTER);
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString(bytes(100));

    private static final IdNumber RESIDENT = IdNumber.residentId("44520219851231123X");
    private static final IdNumber PASSPORT = IdNumber.passport("E12345678");

    private final IdNumberProtector protector = new IdNumberProtector(KEY);

    /** 32 distinct bytes starting at {@code first}. */
    private static byte[] bytes(int first) {
        byte[] b = new byte[32];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (first + i);
        }
        return b;
    }

    @Test
    void decryptsWhatItEncrypted() {
        assertThat(protector.decrypt(protector.encrypt(RESIDENT), IdType.RESIDENT_ID)).isEqualTo(RESIDENT);
        assertThat(protector.decrypt(protector.encrypt(PASSPORT), IdType.PASSPORT)).isEqualTo(PASSPORT);
    }

    @Test
    void encryptionIsRandomisedButLookupHashIsStable() {
        assertThat(protector.encrypt(RESIDENT)).isNotEqualTo(protector.encrypt(RESIDENT));
        assertThat(protector.lookupHash(RESIDENT))
                .hasSize(32)
                .isEqualTo(protector.lookupHash(IdNumber.residentId("44520219851231123x")))
                .isEqualTo(new IdNumberProtector(KEY).lookupHash(RESIDENT));
    }

    @Test
    void ciphertextDoesNotContainTheNumber() {
        String asText = new String(protector.encrypt(RESIDENT), StandardCharsets.ISO_8859_1);
        assertThat(asText).doesNotContain("19851231").doesNotContain("4452");
    }

    @Test
    void aCiphertextOfAPassportDoesNotDecryptAsAResidentId() {
        // The associated data refuses the swap before the plaintext is even looked at: the failure is
        // an authentication failure, not a resident-ID format error on the decrypted passport number.
        byte[] passport = protector.encrypt(PASSPORT);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> protector.decrypt(passport, IdType.RESIDENT_ID))
                .withMessageContaining("another ID type")
                .withMessageNotContaining("E12345678");

        byte[] resident = protector.encrypt(RESIDENT);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> protector.decrypt(resident, IdType.PASSPORT))
                .withMessageContaining("another ID type")
                .withMessageNotContaining("445202");
    }

    @Test
    void aTamperedCiphertextIsRefused() {
        byte[] ciphertext = protector.encrypt(RESIDENT);
        for (int i = 1; i < ciphertext.length; i++) {
            byte[] tampered = ciphertext.clone();
            tampered[i] ^= 1;
            assertThatIllegalArgumentException().isThrownBy(() -> protector.decrypt(tampered, IdType.RESIDENT_ID));
        }
    }

    @Test
    void anotherKeyCanNeitherDecryptNorFindTheNumber() {
        IdNumberProtector other = new IdNumberProtector(OTHER_KEY);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> other.decrypt(protector.encrypt(RESIDENT), IdType.RESIDENT_ID));
        assertThat(other.lookupHash(RESIDENT)).isNotEqualTo(protector.lookupHash(RESIDENT));
    }

    @Test
    void lookupHashesOfDifferentNumbersDiffer() {
        assertThat(protector.lookupHash(IdNumber.residentId("445202199001010018")))
                .isNotEqualTo(protector.lookupHash(RESIDENT))
                .isNotEqualTo(protector.lookupHash(PASSPORT));
    }

    @Test
    void refusesBytesThatAreNotACiphertext() {
        assertThatIllegalArgumentException().isThrownBy(() -> protector.decrypt(new byte[10], IdType.PASSPORT));
        byte[] wrongVersion = protector.encrypt(PASSPORT);
        wrongVersion[0] = 2;
        assertThatIllegalArgumentException().isThrownBy(() -> protector.decrypt(wrongVersion, IdType.PASSPORT))
                .withMessageContaining("format version");
    }

    /**
     * Pins the stored format: rows written today must stay readable and findable after a refactoring.
     * The hash and ciphertext are built here independently from the documented derivation.
     */
    @Test
    void storedFormatIsPinned() throws Exception {
        Mac derive = Mac.getInstance("HmacSHA256");
        derive.init(new SecretKeySpec(MASTER, "HmacSHA256"));
        byte[] encryptionKey = derive.doFinal(
                "cn.gov.jieyang.talent.portal/id-number/aes-256-gcm/v1".getBytes(StandardCharsets.US_ASCII));
        byte[] lookupKey = derive.doFinal(
                "cn.gov.jieyang.talent.portal/id-number/lookup-hmac-sha256/v1".getBytes(StandardCharsets.US_ASCII));

        Mac hash = Mac.getInstance("HmacSHA256");
        hash.init(new SecretKeySpec(lookupKey, "HmacSHA256"));
        byte[] expectedHash = hash.doFinal("RESIDENT_ID\u000044520219851231123X".getBytes(StandardCharsets.US_ASCII));
        assertThat(protector.lookupHash(RESIDENT)).isEqualTo(expectedHash);

        byte[] iv = new byte[12];
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(encryptionKey, "AES"), new GCMParameterSpec(128, iv));
        aes.updateAAD(new byte[] {1});
        aes.updateAAD("PASSPORT".getBytes(StandardCharsets.US_ASCII));
        byte[] sealed = aes.doFinal("E12345678".getBytes(StandardCharsets.US_ASCII));
        byte[] stored = ByteBuffer.allocate(1 + 12 + sealed.length).put((byte) 1).put(iv).put(sealed).array();
        assertThat(protector.decrypt(stored, IdType.PASSPORT)).isEqualTo(PASSPORT);

        // Derived keys, not the master key, are used: the hash key is not the encryption key.
        assertThat(lookupKey).isNotEqualTo(encryptionKey).isNotEqualTo(MASTER);
        hash.init(new SecretKeySpec(MASTER, "HmacSHA256"));
        assertThat(protector.lookupHash(RESIDENT))
                .isNotEqualTo(hash.doFinal("RESIDENT_ID\u000044520219851231123X".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void isSafeToShareBetweenThreads() {
        List<IdNumber> ids = List.of(RESIDENT, PASSPORT, IdNumber.residentId("445202199001010018"));
        IntStream.range(0, 2_000).parallel().forEach(i -> {
            IdNumber id = ids.get(i % ids.size());
            assertThat(protector.decrypt(protector.encrypt(id), id.type())).isEqualTo(id);
        });
    }

    // --- the key ---

    @Test
    void refusesAShortKey() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
        assertThatIllegalArgumentException().isThrownBy(() -> new IdNumberProtector(shortKey))
                .withMessageContaining("exactly 32 bytes")
                .withMessageContaining("is 16 bytes")
                .withMessageNotContaining(shortKey);
    }

    @Test
    void refusesALongKey() {
        String longKey = Base64.getEncoder().encodeToString(new byte[33]);
        assertThatIllegalArgumentException().isThrownBy(() -> new IdNumberProtector(longKey))
                .withMessageContaining("is 33 bytes");
    }

    @Test
    void refusesAKeyThatIsNotBase64() {
        String notBase64 = "this-is-not-base64-but-a-passphrase!!!!!!!!";
        assertThatIllegalArgumentException().isThrownBy(() -> new IdNumberProtector(notBase64))
                .withMessageContaining("not valid base64")
                .withMessageNotContaining("passphrase")
                .withNoCause();
    }

    @Test
    void refusesAPlaceholderKeyOfEqualBytes() {
        String zeros = Base64.getEncoder().encodeToString(new byte[32]);
        assertThatIllegalArgumentException().isThrownBy(() -> new IdNumberProtector(zeros))
                .withMessageContaining("placeholder");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "  ")
    void refusesAMissingKey(String key) {
        assertThatIllegalArgumentException().isThrownBy(() -> new IdNumberProtector(key))
                .withMessageContaining("no ID-number key");
    }

    @Test
    void acceptsAKeyWithSurroundingWhiteSpace() {
        // As read from a file or an environment variable with a trailing newline.
        assertThat(new IdNumberProtector(KEY + "\n").lookupHash(RESIDENT)).isEqualTo(protector.lookupHash(RESIDENT));
    }
}
