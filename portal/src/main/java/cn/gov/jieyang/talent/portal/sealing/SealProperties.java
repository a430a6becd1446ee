package cn.gov.jieyang.talent.portal.sealing;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the bureau's seal comes from ({@code portal.seal.*}).
 *
 * @param mode        {@code dev}: a development CA and seal kept in {@code dir}, created on first start;
 *                    {@code pkcs12}: the bureau's seal from {@code pkcs12}
 * @param dir         dev mode: the directory of the development CA and seal (ca.pem, ca.crl, seal.p12)
 * @param pkcs12      pkcs12 mode: the seal's key store (P-256 or SM2 key with its chain)
 * @param password    the key store's password (env {@code PORTAL_SEAL_PASSWORD}); required in pkcs12
 *                    mode, in dev mode empty means a fixed development password
 * @param trustAnchor pkcs12 mode: the CA certificate (PEM) packages are verified against
 * @param crl         pkcs12 mode: the CA's CRL (PEM or DER) embedded in every package, so an auditor can
 *                    check revocation offline; without it verification is INDETERMINATE
 */
@ConfigurationProperties("portal.seal")
public record SealProperties(@DefaultValue("dev") Mode mode, @DefaultValue("data/portal-seal") Path dir, Path pkcs12,
        String password, Path trustAnchor, Path crl) {

    /** How the seal is obtained. */
    public enum Mode {
        /** A development CA and seal, created on first start and reused. Never for production. */
        DEV,
        /** The bureau's seal from a PKCS#12 file. */
        PKCS12
    }

    @Override
    public String toString() {
        // Never print the password, even by accident in a startup failure message.
        return "SealProperties[mode=" + mode + ", dir=" + dir + ", pkcs12=" + pkcs12 + ", trustAnchor=" + trustAnchor
                + ", crl=" + crl + "]";
    }
}
