package cn.gov.jieyang.talent.mockyxq;

import cn.gov.jieyang.talent.mockyxq.MockYuexinqianProperties.App;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/** Configuration for tests that need no Spring context. */
public final class ExampleProperties {

    private ExampleProperties() {
    }

    public static App app() {
        return new App("jieyang-hrss", "揭阳智慧人社", URI.create("http://127.0.0.1:9000/callbacks/yuexinqian"),
                List.of("http://127.0.0.1:9000/login/yuexinqian/return", "https://app.example/return?from=yxq"));
    }

    public static MockYuexinqianProperties properties(Path dataDir) {
        return new MockYuexinqianProperties("http://127.0.0.1:9100/", dataDir, "pw", true, List.of(app()));
    }
}
