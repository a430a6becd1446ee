package cn.gov.jieyang.talent.portal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The whole portal (all features, security, Flyway) against a real embedded PostgreSQL, driven by
 * MockMvc. Every test class with this annotation shares one application context and one database, so
 * tests create their own applicants (unique subjects) and never assume an empty table.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = {"portal.storage.dir=${java.io.tmpdir}/portal-test-storage-${random.uuid}",
        "portal.seal.dir=${java.io.tmpdir}/portal-test-seal-${random.uuid}"})
@AutoConfigureMockMvc
public @interface PortalTest {
}
