package cn.gov.jieyang.talent.keycloakcaptcha.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CaptchaSettingsTest {

    @Test
    void noConfigMeansTheDefaults() {
        CaptchaSettings s = CaptchaSettings.from(null);

        assertThat(s.length()).isEqualTo(5);
        assertThat(s.expiry()).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.powDifficulty()).isEqualTo(16);
        assertThat(s.answerKey()).isEmpty();
    }

    @Test
    void aTypoCanMakeTheCaptchaStricterOrLooserButNeverAbsent() {
        CaptchaSettings s = CaptchaSettings.from(Map.of(CaptchaSettings.LENGTH, "1", CaptchaSettings.EXPIRY_SECONDS, "999999",
                CaptchaSettings.POW_DIFFICULTY, "0"));
        assertThat(s.length()).isEqualTo(5);
        assertThat(s.expiry()).isEqualTo(Duration.ofMinutes(10));
        assertThat(s.powDifficulty()).isEqualTo(8);

        CaptchaSettings garbage = CaptchaSettings.from(Map.of(CaptchaSettings.EXPIRY_SECONDS, "two minutes"));
        assertThat(garbage.expiry()).isEqualTo(Duration.ofMinutes(2));
    }
}
