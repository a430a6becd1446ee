package cn.gov.jieyang.talent.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PhoneNumberTest {

    @Test
    void acceptsMainlandMobilesLandlinesAndInternationalNumbersAsPeopleTypeThem() {
        assertThat(PhoneNumber.parse("138-0013-8000")).map(PhoneNumber::value).contains("13800138000");
        assertThat(PhoneNumber.parse("(0663) 812 3456")).map(PhoneNumber::value).contains("06638123456");
        assertThat(PhoneNumber.parse("+852 9123 4567")).map(PhoneNumber::value).contains("+85291234567");
    }

    @Test
    void refusesWhatCannotBeCalled() {
        assertThat(PhoneNumber.parse("12800138000")).isEmpty();
        assertThat(PhoneNumber.parse("8123456")).isEmpty();
        assertThat(PhoneNumber.parse("<script>")).isEmpty();
        assertThat(PhoneNumber.parse("1".repeat(PhoneNumber.INPUT_MAX + 1))).isEmpty();
        assertThat(PhoneNumber.parse(null)).isEmpty();
        assertThatThrownBy(() -> new PhoneNumber("138 0013 8000")).isInstanceOf(IllegalArgumentException.class);
    }
}
