package cn.gov.jieyang.talent.authbridge.face;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The person_account_link table: a face-verified person's pseudonym → the account they proved is theirs. */
@Repository
class PersonLinks {

    private final JdbcClient jdbc;

    PersonLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Links (or re-links, to the latest account stepped up) a face subject to an account subject. */
    void link(String faceSubject, String accountSubject, Instant now) {
        jdbc.sql("""
                insert into person_account_link (face_subject, account_subject, linked_at) values (:face, :account, :now)
                on conflict (face_subject) do update set account_subject = excluded.account_subject,
                  linked_at = excluded.linked_at""")
                .param("face", faceSubject).param("account", accountSubject).param("now", Timestamp.from(now))
                .update();
    }

    Optional<String> accountOf(String faceSubject) {
        return jdbc.sql("select account_subject from person_account_link where face_subject = :face")
                .param("face", faceSubject).query(String.class).optional();
    }
}
