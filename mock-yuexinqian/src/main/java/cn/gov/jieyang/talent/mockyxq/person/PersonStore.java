package cn.gov.jieyang.talent.mockyxq.person;

import cn.gov.jieyang.talent.mockyxq.MockYuexinqianProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Persons the mock has met, in {@code persons.json} in the data directory ({@code id -> name,
 * id_type, id_number}), so that they survive restarts like the real service's register would.
 * One person per ID number: entering a known number again updates the name and keeps the id.
 */
@Component
public class PersonStore {

    static final String FILE = "persons.json";

    private static final TypeReference<LinkedHashMap<String, StoredPerson>> FILE_TYPE = new TypeReference<>() {
    };
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final JsonMapper json;
    private final Map<String, StoredPerson> persons;

    @Autowired
    PersonStore(MockYuexinqianProperties properties, JsonMapper json) {
        this(properties.dataDir(), json);
    }

    PersonStore(Path dataDir, JsonMapper json) {
        this.file = dataDir.resolve(FILE);
        this.json = json;
        this.persons = load();
    }

    /** The person behind a {@code yxq_person} cookie value; empty for a missing or unknown one. */
    public synchronized Optional<Person> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(persons.get(id)).map(stored -> stored.toPerson(id));
    }

    /** Stores a person from an accepted first-time form and returns it with its id. */
    public synchronized Person remember(String name, String idType, String idNumber) {
        String id = persons.entrySet().stream()
                .filter(entry -> entry.getValue().idNumber().equals(idNumber))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseGet(PersonStore::newId);
        persons.put(id, new StoredPerson(name, idType, idNumber));
        save();
        return persons.get(id).toPerson(id);
    }

    private Map<String, StoredPerson> load() {
        if (!Files.exists(file)) {
            return new LinkedHashMap<>();
        }
        try {
            return json.readValue(file.toFile(), FILE_TYPE);
        } catch (JacksonException e) {
            throw new IllegalStateException("Cannot read " + file + " (delete it to forget all persons): "
                    + e.getOriginalMessage(), e);
        }
    }

    private void save() {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "persons", ".tmp");
            try {
                // Real-looking personal data, even if made up: owner only, like the key file.
                restrictToOwner(temp);
                json.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), persons);
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static void restrictToOwner(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the data directory's own protection has to do.
        }
    }

    private static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The file's shape; snake_case like the callback's claims. */
    record StoredPerson(@JsonProperty("name") String name,
                        @JsonProperty("id_type") String idType,
                        @JsonProperty("id_number") String idNumber) {

        Person toPerson(String id) {
            return new Person(id, name, idType, idNumber);
        }

        @Override
        public String toString() {
            return "StoredPerson[idNumber=" + ResidentIdNumbers.mask(idNumber) + "]";
        }
    }
}
