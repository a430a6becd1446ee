package cn.gov.jieyang.talent.mockyxq;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * A local stand-in for 粤信签 face verification, speaking docs/yuexinqian-protocol.md.
 *
 * <p>Packages by feature: {@code authorize} (the pages a person clicks through), {@code person}
 * (remembered people), {@code callback} (the signed server-to-server callback), {@code keys}
 * (signing key and {@code /jwks}), {@code testcontrol} (failure switches) and {@code web}
 * (error pages, headers, bilingual text).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MockYuexinqianApplication {

    public static void main(String[] args) {
        SpringApplication.run(MockYuexinqianApplication.class, args);
    }
}
