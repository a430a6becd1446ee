package cn.gov.jieyang.talent.portal.catalogue;

import cn.gov.jieyang.talent.portal.web.ChinaTime;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The service catalogue, read from the database (written only by Flyway migrations). Every read
 * takes the current data and today's date in China, so a call that opens or closes (by its window, or
 * changed in the database) shows at once.
 */
@Service
public class Catalogue {

    private final JdbcClient jdbc;
    private final Clock clock;

    /**
     * Creates the catalogue over a database.
     *
     * @param jdbc  the database client
     * @param clock what "today" is, for the calls' windows
     */
    public Catalogue(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * All services, in the guide's order.
     *
     * @return the services, ordered by {@link TalentService#order()}
     */
    public List<TalentService> all() {
        LocalDate today = today();
        return CatalogueRow.toServices(jdbc.sql(CatalogueRow.SELECT + CatalogueRow.ORDER)
                .param("today", today)
                .query(CatalogueRow.class)
                .list(), today);
    }

    /**
     * One service.
     *
     * @param code the service's code, e.g. {@code chief-technician}
     * @return the service, or empty if there is none with that code
     */
    public Optional<TalentService> byCode(String code) {
        LocalDate today = today();
        List<TalentService> found = CatalogueRow.toServices(jdbc.sql(
                        CatalogueRow.SELECT + " where s.code = :code" + CatalogueRow.ORDER)
                .param("code", code)
                .param("today", today)
                .query(CatalogueRow.class)
                .list(), today);
        return found.stream().findFirst();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ChinaTime.ZONE);
    }
}
