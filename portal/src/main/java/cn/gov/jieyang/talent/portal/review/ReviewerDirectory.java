package cn.gov.jieyang.talent.portal.review;

import cn.gov.jieyang.talent.portal.login.CurrentUser;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reviewers the workbench has seen ({@code reviewer_seen}, V14), to name who works on a case and to
 * offer them when a case is assigned. The portal has no staff register of its own (Keycloak holds the
 * accounts); a reviewer appears here on opening the workbench, with the name their login carries.
 */
@Component
class ReviewerDirectory {

    /** Longest name kept (the column's size). */
    private static final int MAX_NAME = 100;

    private final JdbcClient jdbc;
    private final Clock clock;

    ReviewerDirectory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records (or refreshes) a reviewer who opened a reviewer page. */
    void seen(CurrentUser reviewer) {
        String name = reviewer.name() == null || reviewer.name().isBlank() ? reviewer.subject() : reviewer.name();
        jdbc.sql("insert into reviewer_seen (subject, name, seen_at) values (?, ?, ?) on conflict (subject) "
                        + "do update set name = excluded.name, seen_at = excluded.seen_at")
                .params(reviewer.subject(), name.substring(0, Math.min(name.length(), MAX_NAME)),
                        Timestamp.from(clock.instant()))
                .update();
    }

    /** Every reviewer seen, by name. */
    List<Reviewer> all() {
        return jdbc.sql("select subject, name from reviewer_seen order by name, subject limit 500")
                .query((rs, n) -> new Reviewer(rs.getString(1), rs.getString(2))).list();
    }

    /** A reviewer seen, by subject. */
    Optional<Reviewer> find(String subject) {
        return jdbc.sql("select subject, name from reviewer_seen where subject = ?").param(subject)
                .query((rs, n) -> new Reviewer(rs.getString(1), rs.getString(2))).optional();
    }

    /**
     * A reviewer.
     *
     * @param subject their bridge subject
     * @param name    their name
     */
    record Reviewer(String subject, String name) {
    }
}
