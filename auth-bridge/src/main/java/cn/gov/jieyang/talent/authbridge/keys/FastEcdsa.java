package cn.gov.jieyang.talent.authbridge.keys;

import java.security.Provider;
import java.security.Security;

/**
 * Makes {@code SHA256withECDSA} (ES256) Bouncy Castle's, for every JCA user in the bridge: Nimbus (the
 * 粤信签 callback's verification, the session cookie's signature) and Spring Authorization Server's
 * {@code NimbusJwtEncoder} (ID and access tokens), which ask the JCA without naming a provider.
 *
 * <p>Why: one face login is one ES256 verification and three ES256 signatures, and the profile of a
 * face login (auth-bridge/README.md, "Where a face login's CPU goes") found them the largest single
 * share of the bridge's CPU. The JDK 17 SunEC code multiplies points without precomputed tables; Bouncy
 * Castle's P-256 (the library the project already uses for CMS and time-stamps) verifies about 4×
 * faster here and signs somewhat faster (figures in the README).
 *
 * <p>Only this one algorithm is registered, in a provider of its own, so nothing else (TLS, key stores,
 * random numbers) changes. A key the Bouncy Castle class cannot use (one that never leaves a hardware
 * module) is passed by the JCA's delayed provider selection to the next provider, as before. The
 * signatures are standard DER ECDSA, verified by any ES256 implementation (the tests verify the bridge's
 * tokens with other code). {@code -Dbridge.fast-ecdsa=false} leaves the JDK's SunEC in place.
 */
public final class FastEcdsa {

    /** The provider's name, as {@code Signature.getProvider().getName()} reports it. */
    public static final String PROVIDER = "JieyangFastEcdsa";

    private FastEcdsa() {
    }

    /** Installs the provider first in the JCA's list, once; does nothing if switched off. */
    public static synchronized void install() {
        if (!Boolean.parseBoolean(System.getProperty("bridge.fast-ecdsa", "true"))
                || Security.getProvider(PROVIDER) != null) {
            return;
        }
        Security.insertProviderAt(new OneAlgorithm(), 1);
    }

    private static final class OneAlgorithm extends Provider {
        private static final long serialVersionUID = 1L;

        OneAlgorithm() {
            super(PROVIDER, "1", "SHA256withECDSA (ES256) by Bouncy Castle");
            putService(new Provider.Service(this, "Signature", "SHA256withECDSA",
                    "org.bouncycastle.jcajce.provider.asymmetric.ec.SignatureSpi$ecDSA256", null, null));
        }
    }
}
