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
        jdbc.sql("insert into reviewer_seen (subject, name, seen_at, roles) values (?, ?, ?, ?) on conflict (subject) "
                        + "do update set name = excluded.name, seen_at = excluded.seen_at, roles = excluded.roles")
                .params(reviewer.subject(), name.substring(0, Math.min(name.length(), MAX_NAME)),
                        Timestamp.from(clock.instant()), reviewer.roles().stream().sorted().toArray(String[]::new))
                .update();
    }

    /**
     * The reviewers seen who review a service (by a group role of theirs, V15, or as supervisors), by name:
     * the ones a case of that service may be assigned to.
     */
    List<Reviewer> reviewersOf(String serviceCode) {
        return jdbc.sql(CANDIDATES + "order by r.name, r.subject limit 500").param("service", serviceCode)
                .query((rs, n) -> new Reviewer(rs.getString(1), rs.getString(2))).list();
    }

    /** One of {@link #reviewersOf(String)}, by subject. */
    Optional<Reviewer> reviewerOf(String serviceCode, String subject) {
        return jdbc.sql(CANDIDATES + "and r.subject = :subject").param("service", serviceCode).param("subject", subject)
                .query((rs, n) -> new Reviewer(rs.getString(1), rs.getString(2))).optional();
    }

    /** A reviewer seen, by subject, whatever they review. */
    Optional<Reviewer> find(String subject) {
        return jdbc.sql("select subject, name from reviewer_seen where subject = ?").param(subject)
                .query((rs, n) -> new Reviewer(rs.getString(1), rs.getString(2))).optional();
    }

    private static final String CANDIDATES = "select r.subject, r.name from reviewer_seen r "
            + "where 'reviewer' = any(r.roles) and ('supervisor' = any(r.roles) or exists (select 1 from review_scope s "
            + "where s.service_code = :service and s.role = any(r.roles))) ";

    /**
     * A reviewer.
     *
     * @param subject their bridge subject
     * @param name    their name
     */
    record Reviewer(String subject, String name) {
    }
}
