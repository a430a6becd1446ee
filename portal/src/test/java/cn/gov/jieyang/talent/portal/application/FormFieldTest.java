package cn.gov.jieyang.talent.portal.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FormFieldTest {

    private static FormField field(FormField.Kind kind, boolean required) {
        return new FormField("f", "字段", "Field", kind, 10, required, List.of("rent-subsidy"));
    }

    @Test
    void refusesAMissingRequiredAnswerButNotAMissingOptionalOne() {
        assertThat(field(FormField.Kind.TEXT, true).check("")).isEqualTo(FormField.Problem.REQUIRED);
        assertThat(field(FormField.Kind.TEXT, false).check("")).isNull();
    }

    @Test
    void refusesAnswersLongerThanTheMaximum() {
        assertThat(field(FormField.Kind.TEXT, true).check("12345678901")).isEqualTo(FormField.Problem.TOO_LONG);
        assertThat(field(FormField.Kind.TEXT, true).check("1234567890")).isNull();
    }

    @Test
    void checksDatesAndAmounts() {
        assertThat(field(FormField.Kind.DATE, true).check("2026-02-30")).isEqualTo(FormField.Problem.NOT_A_DATE);
        assertThat(field(FormField.Kind.DATE, true).check("2026-02-28")).isNull();
        assertThat(field(FormField.Kind.NUMBER, true).check("1e5")).isEqualTo(FormField.Problem.NOT_A_NUMBER);
        assertThat(field(FormField.Kind.NUMBER, true).check("-1")).isEqualTo(FormField.Problem.NOT_A_NUMBER);
        assertThat(field(FormField.Kind.NUMBER, true).check("1500.50")).isNull();
    }

    @Test
    void checksTelephoneNumbersAsTheRealNameRecordDoes() {
        // 20 characters, as contact-phone in the catalogue, so spaces people type still fit.
        FormField phone = new FormField("contact-phone", "联系电话", "Contact phone", FormField.Kind.PHONE, 20, true,
                List.of("rent-subsidy"));
        assertThat(phone.check("揭阳<b>单位</b>")).isEqualTo(FormField.Problem.NOT_A_PHONE);
        assertThat(phone.check("12345")).isEqualTo(FormField.Problem.NOT_A_PHONE);
        assertThat(phone.check("138 0013 8000")).isNull();
        assertThat(phone.check("0663-8123456")).isNull();
        assertThat(phone.check("+852 9123 4567")).isNull();
    }
}
