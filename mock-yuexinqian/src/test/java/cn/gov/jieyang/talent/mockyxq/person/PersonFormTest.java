package cn.gov.jieyang.talent.mockyxq.person;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonFormTest {

    private static final String ID = "44520119900307123X";

    @Test
    void aCompleteFormHasNoErrors() {
        assertThat(new PersonForm(" 张三 ", "resident_id", "44520119900307123x", true).errors()).isEmpty();
    }

    @Test
    void nameMustBeTwoToThirtyCharactersAfterTrimming() {
        assertThat(new PersonForm(" 张 ", "resident_id", ID, true).errors()).containsEntry("name", "person.error.name.length");
        assertThat(new PersonForm("张三", "resident_id", ID, true).errors()).isEmpty();
        assertThat(new PersonForm("阿".repeat(30), "resident_id", ID, true).errors()).isEmpty();
        assertThat(new PersonForm("阿".repeat(31), "resident_id", ID, true).errors())
                .containsEntry("name", "person.error.name.length");
        // Counted in characters, not UTF-16 units: 𠀀 is one character.
        assertThat(new PersonForm("𠀀".repeat(30), "resident_id", ID, true).errors()).isEmpty();
    }

    @Test
    void nameMustNotHoldControlCharacters() {
        assertThat(new PersonForm("张\u0000三", "resident_id", ID, true).errors())
                .containsEntry("name", "person.error.name.characters");
    }

    @Test
    void consentIsRequired() {
        assertThat(new PersonForm("张三", "resident_id", ID, false).errors()).containsOnlyKeys("consent");
    }

    @Test
    void onlyTheResidentIdCardIsAccepted() {
        assertThat(new PersonForm("张三", "passport", ID, true).errors()).containsOnlyKeys("idType");
    }

    @Test
    void eachIdNumberProblemHasItsOwnMessage() {
        assertThat(new PersonForm("张三", "resident_id", "12345", true).errors())
                .containsEntry("idNumber", "person.error.idNumber.format");
        assertThat(new PersonForm("张三", "resident_id", "445201199002301234", true).errors())
                .containsEntry("idNumber", "person.error.idNumber.birthDate");
        assertThat(new PersonForm("张三", "resident_id", "445201199003071231", true).errors())
                .containsEntry("idNumber", "person.error.idNumber.checkDigit");
    }
}
