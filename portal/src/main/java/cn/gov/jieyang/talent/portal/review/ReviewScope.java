package cn.gov.jieyang.talent.portal.review;

import cn.gov.jieyang.talent.portal.login.CurrentUser;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which services a reviewer reviews (V15, {@code review_scope}): those of the service groups their realm
 * roles name ({@code reviewer-talent}, {@code reviewer-titles}, {@code reviewer-funding}, ...); a supervisor
 * all of them. Deny by default: a reviewer with no group role reviews nothing. Read on every request, so a
 * changed role counts at the next login and a changed group at once.
 */
@Component
public class ReviewScope {

    private final JdbcClient jdbc;

    ReviewScope(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The services someone reviews.
     *
     * @param me the reviewer
     * @return their scope
     */
    Scope of(CurrentUser me) {
        if (me.isSupervisor()) {
            return new Scope(true, Set.of());
        }
        List<String> groups = me.roles().stream().filter(r -> r.startsWith("reviewer-")).toList();
        if (groups.isEmpty()) {
            return new Scope(false, Set.of());
        }
        return new Scope(false, Set.copyOf(jdbc.sql("select distinct service_code from review_scope where role in (:roles)")
                .param("roles", groups).query(String.class).list()));
    }

    /**
     * Whether someone may see data of every one of these services: a supervisor always, a reviewer only
     * if each is in their scope. A signed package holds every service's answers and materials, so a
     * reviewer of one service of a bundle must not download it (issue 12, item 7).
     *
     * @param me       the reviewer
     * @param services the service codes
     * @return true if all are theirs
     */
    public boolean coversEvery(CurrentUser me, Collection<String> services) {
        Scope scope = of(me);
        return services.stream().allMatch(scope::covers);
    }

    /**
     * Whether someone reviews at least one of these services.
     *
     * @param me       the reviewer
     * @param services the service codes
     * @return true if one is theirs
     */
    public boolean coversAny(CurrentUser me, Collection<String> services) {
        Scope scope = of(me);
        return services.stream().anyMatch(scope::covers);
    }

    /**
     * A reviewer's services.
     *
     * @param all      every service (a supervisor)
     * @param services the services otherwise
     */
    record Scope(boolean all, Set<String> services) {

        /** Whether a service's cases are this reviewer's to see. */
        boolean covers(String serviceCode) {
            return all || services.contains(serviceCode);
        }

        /** Whether there is nothing at all to see. */
        boolean none() {
            return !all && services.isEmpty();
        }
    }
}
