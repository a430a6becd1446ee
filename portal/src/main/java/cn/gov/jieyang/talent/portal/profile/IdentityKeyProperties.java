package cn.gov.jieyang.talent.portal.profile;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The master key that protects ID numbers at rest (see {@link IdentityKeyConfig}).
 *
 * @param idNumberKey 32 random bytes, base64 ({@code openssl rand -base64 32}); application.yml carries a
 *                    development key, production sets {@code PORTAL_IDENTITY_ID_NUMBER_KEY}
 */
@ConfigurationProperties("portal.identity")
record IdentityKeyProperties(String idNumberKey) {

    /** The key in application.yml: public, so only for development and tests. */
    static final String DEVELOPMENT_KEY = "x2T3fsYanf6dW3amh078WOXsQ5iuLJq9RKXAzT8ccKc=";

    // The key never appears in toString (configuration reports and logs print property records).
    @Override
    public String toString() {
        return "IdentityKeyProperties[idNumberKey=" + (idNumberKey == null ? "none" : "(secret)") + "]";
    }
}
