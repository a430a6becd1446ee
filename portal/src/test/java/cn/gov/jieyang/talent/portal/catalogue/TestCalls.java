package cn.gov.jieyang.talent.portal.catalogue;

import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Changes a seeded service's call for the length of a test and puts it back: the database is shared
 * by every test class, and a call closed and left so would close the service for all of them.
 */
public final class TestCalls {

    /** A window wholly in the past: opened on 5 January 2026, closed on 31 January 2026. */
    public static final String CLOSED_ON_31_JANUARY_2026 = "opens_on = date '2026-01-05', closes_on = date '2026-01-31'";

    private TestCalls() {
    }

    /** What a test does while the call is changed. */
    @FunctionalInterface
    public interface Body {
        /**
         * Runs.
         *
         * @throws Exception anything the test throws
         */
        void run() throws Exception;
    }

    /**
     * Runs a test with the service's call changed.
     *
     * @param jdbc    the test database
     * @param service the service whose seeded call changes
     * @param set     the SQL {@code set} clause, e.g. {@link #CLOSED_ON_31_JANUARY_2026}
     * @param body    the test
     * @throws Exception what the body throws
     */
    public static void whileChanged(JdbcClient jdbc, String service, String set, Body body) throws Exception {
        Map<String, Object> saved = jdbc.sql("select opens_on, closes_on, notice_title, notice_url, working_days "
                + "from catalogue_call where service_code = ?").param(service).query().singleRow();
        jdbc.sql("update catalogue_call set " + set + " where service_code = ?").param(service).update();
        try {
            body.run();
        } finally {
            jdbc.sql("update catalogue_call set opens_on = ?, closes_on = ?, notice_title = ?, notice_url = ?, "
                            + "working_days = ? where service_code = ?")
                    .params(saved.get("opens_on"), saved.get("closes_on"), saved.get("notice_title"),
                            saved.get("notice_url"), saved.get("working_days"), service)
                    .update();
        }
    }
}
