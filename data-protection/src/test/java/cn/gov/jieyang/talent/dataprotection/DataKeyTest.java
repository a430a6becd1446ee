package cn.gov.jieyang.talent.dataprotection;

import static cn.gov.jieyang.talent.dataprotection.SealerTest.refused;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.dataprotection.DataProtectionException.Reason;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one key-parsing rule: base64 of exactly 32 bytes, not all equal, never echoed. */
class DataKeyTest {

    private static final String SETTING = "portal.identity.id-number-key (PORTAL_IDENTITY_ID_NUMBER_KEY)";

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\n"})
    void refusesAMissingKeyNamingTheSettingAndHowToMakeOne(String value) {
        DataProtectionException e = refused(() -> DataKey.fromBase64(value, SETTING), Reason.KEY_MISSING);
        assertThat(e).hasMessageContaining(SETTING + " is not set").hasMessageContaining("openssl rand -base64 32");
    }

    @Test
    void refusesAShortKeyWithoutEchoingIt() {
        String sixteenBytes = Base64.getEncoder().encodeToString("only-sixteen-byt".getBytes());
        DataProtectionException e = refused(() -> DataKey.fromBase64(sixteenBytes, SETTING), Reason.KEY_WRONG_LENGTH);
        assertThat(e).hasMessageContaining("exactly 32 bytes").hasMessageContaining("decodes to 16 bytes")
                .hasMessageContaining(SETTING).hasMessageContaining("openssl rand -base64 32")
                .hasMessageNotContaining(sixteenBytes);
    }

    @Test
    void refusesALongKey() {
        assertThat(refused(() -> DataKey.fromBase64(Base64.getEncoder().encodeToString(new byte[33]), SETTING),
                Reason.KEY_WRONG_LENGTH)).hasMessageContaining("decodes to 33 bytes");
        refused(() -> DataKey.fromBase64(Base64.getEncoder().encodeToString(new byte[64]), SETTING),
                Reason.KEY_WRONG_LENGTH);
    }

    @Test
    void refusesAKeyThatIsNotBase64WithoutEchoingIt() {
        String passphrase = "this-is-not-base64-but-a-passphrase!!!!!!!!";
        DataProtectionException e = refused(() -> DataKey.fromBase64(passphrase, SETTING), Reason.KEY_NOT_BASE64);
        assertThat(e).hasMessageContaining("not valid base64").hasMessageContaining(SETTING)
                .hasMessageNotContaining("passphrase").hasNoCause();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 0x41, 0xff})
    void refusesAPlaceholderKeyOfEqualBytes(int b) {
        byte[] equal = new byte[32];
        java.util.Arrays.fill(equal, (byte) b);
        String placeholder = Base64.getEncoder().encodeToString(equal);
        DataProtectionException e = refused(() -> DataKey.fromBase64(placeholder, SETTING), Reason.KEY_WEAK);
        assertThat(e).hasMessageContaining("placeholder").hasMessageNotContaining(placeholder);
    }

    @Test
    void acceptsAKeyWithSurroundingWhiteSpace() {
        // As read from a file or an environment variable with a trailing newline.
        assertThat(DataKey.fromBase64(TestKeys.A + "\n", SETTING).kid()).isEqualTo(TestKeys.key(TestKeys.A).kid());
    }

    @Test
    void theKidIsDerivedFromTheKeyAndRevealsNothingOfIt() {
        DataKey a = TestKeys.key(TestKeys.A);
        assertThat(a.kid()).matches("[A-Za-z0-9_-]{12}").isEqualTo(TestKeys.key(TestKeys.A).kid())
                .isNotEqualTo(TestKeys.key(TestKeys.B).kid());
        assertThat(TestKeys.A).doesNotContain(a.kid());
        assertThat(a.toString()).isEqualTo("DataKey[kid=" + a.kid() + "]").doesNotContain(TestKeys.A);
    }

    @Test
    void aRingNamesTheIndexOfARefusedOlderKeyAndSkipsBlankEntries() {
        DataProtectionException e = refused(() -> KeyRing.fromBase64(TestKeys.A, SETTING,
                List.of(TestKeys.B, "not*base64!"), "portal.identity.previous-id-number-keys"), Reason.KEY_NOT_BASE64);
        assertThat(e).hasMessageContaining("item 2 of portal.identity.previous-id-number-keys");

        KeyRing ring = KeyRing.fromBase64(TestKeys.A, SETTING, List.of("", TestKeys.B, TestKeys.A), "older");
        assertThat(ring.kids()).containsExactly(TestKeys.key(TestKeys.A).kid(), TestKeys.key(TestKeys.B).kid());
        assertThat(ring.toString()).doesNotContain(TestKeys.A).doesNotContain(TestKeys.B);
    }
}
