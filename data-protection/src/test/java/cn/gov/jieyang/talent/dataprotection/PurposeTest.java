package cn.gov.jieyang.talent.dataprotection;

import static cn.gov.jieyang.talent.dataprotection.SealerTest.refused;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.dataprotection.DataProtectionException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PurposeTest {

    @ParameterizedTest
    @ValueSource(strings = {"bridge-session.id-number", "portal.id-number:RESIDENT_ID",
        "bridge.signing-key:Xy_9-abcDEF", "face_login_transaction.id_number", "a/b"})
    void acceptsDottedNamesWithQualifiers(String name) {
        assertThat(Purpose.of(name).name()).isEqualTo(name);
        assertThat(Purpose.of(name)).isEqualTo(Purpose.of(name)).hasToString(name);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" x", ".x", "x y", "x\u0000y", "身份证", "x\"}"})
    void refusesNamesThatCouldBeAmbiguousOrBreakTheHeader(String name) {
        refused(() -> Purpose.of(name), Reason.INVALID_PURPOSE);
    }

    @Test
    void refusesOverlongNames() {
        assertThat(Purpose.of("a".repeat(128)).name()).hasSize(128);
        refused(() -> Purpose.of("a".repeat(129)), Reason.INVALID_PURPOSE);
    }
}
