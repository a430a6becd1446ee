package cn.gov.jieyang.talent.authbridge;

import cn.gov.jieyang.talent.authbridge.keys.FastEcdsa;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class AuthBridgeApplication {

    public static void main(String[] args) {
        FastEcdsa.install();   // before any key or signer exists: see FastEcdsa for why
        SpringApplication.run(AuthBridgeApplication.class, args);
    }
}
