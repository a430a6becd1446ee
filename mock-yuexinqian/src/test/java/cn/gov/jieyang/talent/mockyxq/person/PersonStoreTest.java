package cn.gov.jieyang.talent.mockyxq.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class PersonStoreTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dataDir;

    @Test
    void rememberedPersonsSurviveANewStoreOnTheSameDirectory() {
        Person remembered = new PersonStore(dataDir, JSON).remember("张三", Person.RESIDENT_ID, "44520119900307123X");

        PersonStore reopened = new PersonStore(dataDir, JSON);

        assertThat(reopened.find(remembered.id())).contains(remembered);
    }

    @Test
    void theFileMapsIdsToSnakeCaseFields() throws Exception {
        Person person = new PersonStore(dataDir, JSON).remember("张三", Person.RESIDENT_ID, "44520119900307123X");

        String file = Files.readString(dataDir.resolve("persons.json"));

        assertThat(file).contains("\"" + person.id() + "\"").contains("\"name\"").contains("\"id_type\"")
                .contains("\"id_number\"").contains("resident_id");
    }

    @Test
    void theSameIdNumberKeepsItsIdAndTakesTheLatestName() {
        PersonStore store = new PersonStore(dataDir, JSON);
        Person first = store.remember("张三", Person.RESIDENT_ID, "44520119900307123X");

        Person again = store.remember("张叁", Person.RESIDENT_ID, "44520119900307123X");

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(store.find(first.id()).orElseThrow().name()).isEqualTo("张叁");
    }

    @Test
    void unknownOrMissingIdsFindNobody() {
        PersonStore store = new PersonStore(dataDir, JSON);

        assertThat(store.find("nobody")).isEmpty();
        assertThat(store.find(null)).isEmpty();
    }

    @Test
    void theFileIsReadableByItsOwnerOnly() throws Exception {
        new PersonStore(dataDir, JSON).remember("张三", Person.RESIDENT_ID, "44520119900307123X");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("persons.json"))))
                .isEqualTo("rw-------");
    }

    @Test
    void aPersonPrintsItsIdNumberMasked() {
        Person person = new Person("id", "张三", Person.RESIDENT_ID, "44520119900307123X");

        assertThat(person.toString()).contains("4452**********123X").doesNotContain("44520119900307123X");
    }
}
