package cn.gov.jieyang.talent.mockyxq;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class MockYuexinqianApplication {

    public static void main(String[] args) {
        SpringApplication.run(MockYuexinqianApplication.class, args);
    }
}
