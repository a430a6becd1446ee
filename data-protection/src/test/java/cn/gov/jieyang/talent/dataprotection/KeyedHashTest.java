package cn.gov.jieyang.talent.dataprotection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class KeyedHashTest {

    private static final Purpose SUBJECT = Purpose.of("bridge.subject");
    private static final Purpose LOOKUP = Purpose.of("portal.id-number-lookup");
    private static final String IDENTITY = "resident_id:44520219851231123X";

    private final KeyedHash hash = new KeyedHash(TestKeys.key(TestKeys.A));

    @Test
    void isStableForTheSameKeyPurposeAndValue() {
        assertThat(hash.hash(SUBJECT, IDENTITY)).hasSize(KeyedHash.LENGTH)
                .isEqualTo(new KeyedHash(TestKeys.key(TestKeys.A)).hash(SUBJECT, IDENTITY));
    }

    @Test
    void differsByValuePurposeAndKey() {
        byte[] h = hash.hash(SUBJECT, IDENTITY);
        assertThat(hash.hash(SUBJECT, "resident_id:445202199001010018")).isNotEqualTo(h);
        assertThat(hash.hash(LOOKUP, IDENTITY)).isNotEqualTo(h);
        assertThat(new KeyedHash(TestKeys.key(TestKeys.B)).hash(SUBJECT, IDENTITY)).isNotEqualTo(h);
    }

    @Test
    void theBoundaryBetweenPurposeAndValueCannotBeMoved() {
        // "a" + "b:c" and "a:b" + "c" must not collide: the zero byte separates them.
        assertThat(hash.hash(Purpose.of("a"), "b:c")).isNotEqualTo(hash.hash(Purpose.of("a:b"), "c"));
    }

    @Test
    void showsNoKeyMaterial() {
        assertThat(hash.toString()).isEqualTo("KeyedHash[kid=" + TestKeys.key(TestKeys.A).kid() + "]")
                .doesNotContain(TestKeys.A);
        assertThat(HexFormat.of().formatHex(hash.hash(SUBJECT, IDENTITY))).doesNotContain("19851231");
    }
}
