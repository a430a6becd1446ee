package cn.gov.jieyang.talent.dataprotection;

import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.util.Base64URL;
import java.util.Map;

/** Looking into and forging sealed values, as an attacker with the table (and sometimes the key) could. */
final class Sealed {

    private Sealed() {
    }

    static Map<String, Object> header(String sealed) throws java.text.ParseException {
        return JWEObject.parse(sealed).getHeader().toJSONObject();
    }

    static String withHeader(DataKey key, String headerJson, String plaintext) throws Exception {
        JWEObject jwe = new JWEObject(JWEHeader.parse(headerJson), new Payload(plaintext));
        jwe.encrypt(new DirectEncrypter(key.encryptionKey()));
        return jwe.serialize();
    }

    static String withTamperedTag(String sealed) {
        String[] parts = sealed.split("\\.", -1);
        byte[] tag = Base64URL.from(parts[4]).decode();
        tag[0] ^= 1;
        parts[4] = Base64URL.encode(tag).toString();
        return String.join(".", parts);
    }
}
