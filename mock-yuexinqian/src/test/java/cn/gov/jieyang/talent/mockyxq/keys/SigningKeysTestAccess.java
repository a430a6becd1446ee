package cn.gov.jieyang.talent.mockyxq.keys;

import java.nio.file.Path;

/** Lets tests of other packages make keys without a Spring context or a full configuration. */
public final class SigningKeysTestAccess {

    private SigningKeysTestAccess() {
    }

    public static SigningKeys create(Path dataDir) {
        return new SigningKeys(dataDir, "test-password");
    }
}
