package cn.gov.jieyang.talent.authbridge.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.security.Signature;
import org.junit.jupiter.api.Test;

/** ES256 by Bouncy Castle: chosen by the JCA when no provider is named, and interoperable with SunEC. */
class FastEcdsaTest {

    @Test
    void es256IsServedByBouncyCastleAndItsSignaturesVerifyWithTheJdksOwnCode() throws Exception {
        FastEcdsa.install();
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k").generate();

        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key.toECPrivateKey());
        assertThat(signer.getProvider().getName()).isEqualTo(FastEcdsa.PROVIDER);

        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k").build(),
                new Payload("{\"sub\":\"p-1\"}"));
        jws.sign(new ECDSASigner(key));
        byte[] der = com.nimbusds.jose.crypto.impl.ECDSA.transcodeSignatureToDER(jws.getSignature().decode());
        Signature sunEc = Signature.getInstance("SHA256withECDSA", "SunEC");
        sunEc.initVerify(key.toECPublicKey());
        sunEc.update(jws.getSigningInput());
        assertThat(sunEc.verify(der)).as("the JDK's SunEC verifies a token signed through Nimbus").isTrue();

        Signature sunSigner = Signature.getInstance("SHA256withECDSA", "SunEC");
        sunSigner.initSign(key.toECPrivateKey());
        sunSigner.update(jws.getSigningInput());
        byte[] bySunEc = sunSigner.sign();
        Signature fast = Signature.getInstance("SHA256withECDSA");
        fast.initVerify(key.toECPublicKey());
        fast.update(jws.getSigningInput());
        assertThat(fast.verify(bySunEc)).as("and Bouncy Castle verifies SunEC's signature").isTrue();
        assertThat(fast.getProvider().getName()).isEqualTo(FastEcdsa.PROVIDER);
    }
}
