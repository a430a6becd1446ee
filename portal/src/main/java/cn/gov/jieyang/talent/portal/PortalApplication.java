package cn.gov.jieyang.talent.portal;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The applicants', reviewers' and auditors' web application. */
@SpringBootApplication
public class PortalApplication {

    /**
     * Starts the portal.
     *
     * @param args command-line arguments (Spring Boot properties)
     */
    public static void main(String[] args) {
        SpringApplication.run(PortalApplication.class, args);
    }

    /** One clock for every timestamp, so tests can fix time where it matters. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
