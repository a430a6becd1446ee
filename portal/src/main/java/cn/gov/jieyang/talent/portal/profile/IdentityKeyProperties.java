package cn.gov.jieyang.talent.portal.profile;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The keys that protect ID numbers at rest (see {@link IdentityKeyConfig}).
 *
 * @param idNumberKey          32 random bytes, base64 ({@code openssl rand -base64 32}): seals ID numbers and,
 *                             unless {@code lookupKey} is set, keys their lookup hash; application-dev.yml
 *                             carries a development key, production sets {@code PORTAL_IDENTITY_ID_NUMBER_KEY}
 * @param previousIdNumberKeys older ID-number keys, base64: they only open what was sealed before a rotation
 *                             (optional)
 * @param lookupKey            32 random bytes, base64, that key the lookup hash if not the ID-number key
 *                             (optional; set it to the old ID-number key before rotating, or every stored
 *                             lookup hash stops matching)
 */
@ConfigurationProperties("portal.identity")
record IdentityKeyProperties(String idNumberKey, List<String> previousIdNumberKeys, String lookupKey) {

    /** The key in application-dev.yml: public, so only for development and tests. */
    static final String DEVELOPMENT_KEY = "x2T3fsYanf6dW3amh078WOXsQ5iuLJq9RKXAzT8ccKc=";

    /**
     * Applies the defaults.
     *
     * @param idNumberKey          the current key, checked when the protector is made
     * @param previousIdNumberKeys older keys, or null for none
     * @param lookupKey            the lookup key, or null for the ID-number key
     */
    IdentityKeyProperties {
        previousIdNumberKeys = previousIdNumberKeys == null ? List.of() : List.copyOf(previousIdNumberKeys);
    }

    // The key never appears in toString (configuration reports and logs print property records).
    @Override
    public String toString() {
        return "IdentityKeyProperties[idNumberKey=" + (idNumberKey == null ? "none" : "(secret)")
                + ", previousIdNumberKeys=" + previousIdNumberKeys.size() + " (secret)"
                + ", lookupKey=" + (lookupKey == null ? "none" : "(secret)") + "]";
    }
}
