package cn.gov.jieyang.talent.authbridge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class AuthBridgeApplication {

    public static void main(String[] args) {
        SpringApplication.run(AuthBridgeApplication.class, args);
    }
}
