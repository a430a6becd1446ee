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
}
