package cn.gov.jieyang.talent.dataprotection;

import java.util.Base64;

/** Test keys: 32 distinct bytes each, so none is refused as a placeholder. */
final class TestKeys {

    static final String A = base64(1);
    static final String B = base64(100);
    static final String C = base64(200);

    private TestKeys() {
    }

    static byte[] bytes(int first) {
        byte[] b = new byte[32];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (first + i);
        }
        return b;
    }

    static String base64(int first) {
        return Base64.getEncoder().encodeToString(bytes(first));
    }

    static DataKey key(String base64) {
        return DataKey.fromBase64(base64, "test.key (TEST_KEY)");
    }
}
