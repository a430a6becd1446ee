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
 * tests create their own applicants (unique subjects) and never assume an empty table. Files and the
 * dev seal go to fresh temporary folders (src/test/resources/application.properties).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest
@AutoConfigureMockMvc
public @interface PortalTest {
}
