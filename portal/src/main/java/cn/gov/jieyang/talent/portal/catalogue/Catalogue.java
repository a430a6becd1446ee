package cn.gov.jieyang.talent.portal.catalogue;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The service catalogue, read from the database (written only by Flyway migrations). Every call
 * reads the current data, so a call opened or closed in the database shows at once.
 */
@Service
public class Catalogue {

    private final JdbcClient jdbc;

    /**
     * Creates the catalogue over a database.
     *
     * @param jdbc the database client
     */
    public Catalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * All services, in the guide's order.
     *
     * @return the services, ordered by {@link TalentService#order()}
     */
    public List<TalentService> all() {
        return CatalogueRow.toServices(jdbc.sql(CatalogueRow.SELECT + CatalogueRow.ORDER)
                .query(CatalogueRow.class)
                .list());
    }

    /**
     * One service.
     *
     * @param code the service's code, e.g. {@code chief-technician}
     * @return the service, or empty if there is none with that code
     */
    public Optional<TalentService> byCode(String code) {
        List<TalentService> found = CatalogueRow.toServices(jdbc.sql(
                        CatalogueRow.SELECT + " where s.code = :code" + CatalogueRow.ORDER)
                .param("code", code)
                .query(CatalogueRow.class)
                .list());
        return found.stream().findFirst();
    }
}
