package cn.gov.jieyang.talent.portal.profile;

import cn.gov.jieyang.talent.dataprotection.DataKey;
import cn.gov.jieyang.talent.dataprotection.KeyRing;
import cn.gov.jieyang.talent.dataprotection.KeyedHash;
import cn.gov.jieyang.talent.dataprotection.Sealer;
import cn.gov.jieyang.talent.portal.identity.IdNumberProtector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the {@link IdNumberProtector} from {@code portal.identity.*}. A missing, malformed, short or
 * placeholder key stops the start of the application (the message names the property, never the value):
 * running without a usable key would mean storing ID numbers that can never be read back, or not storing
 * them at all.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityKeyProperties.class)
class IdentityKeyConfig {

    private static final Logger log = LoggerFactory.getLogger(IdentityKeyConfig.class);

    /**
     * The portal's sealer over the ID-number key ring: ID numbers, and the login's client key
     * ({@code login.ClientKey}), each under its own purpose.
     */
    @Bean
    Sealer sealer(IdentityKeyProperties properties) {
        return new Sealer(ring(properties));
    }

    @Bean
    IdNumberProtector idNumberProtector(IdentityKeyProperties properties, Sealer sealer) {
        IdNumberProtector protector = new IdNumberProtector(sealer, lookupHash(properties));
        if (IdentityKeyProperties.DEVELOPMENT_KEY.equals(properties.idNumberKey() == null ? null
                : properties.idNumberKey().strip())) {
            // The development key is in the repository: fine on a laptop, a data leak in production.
            log.warn("ID numbers are protected with the public development key; "
                    + "set PORTAL_IDENTITY_ID_NUMBER_KEY (openssl rand -base64 32) in production");
        }
        return protector;
    }

    /** The wiring, also for tests that seal as the application does. */
    static IdNumberProtector protector(IdentityKeyProperties properties) {
        return new IdNumberProtector(new Sealer(ring(properties)), lookupHash(properties));
    }

    private static KeyRing ring(IdentityKeyProperties properties) {
        return KeyRing.fromBase64(properties.idNumberKey(),
                "portal.identity.id-number-key (PORTAL_IDENTITY_ID_NUMBER_KEY)", properties.previousIdNumberKeys(),
                "portal.identity.previous-id-number-keys (PORTAL_IDENTITY_PREVIOUS_ID_NUMBER_KEYS)");
    }

    private static KeyedHash lookupHash(IdentityKeyProperties properties) {
        DataKey lookupKey = properties.lookupKey() == null || properties.lookupKey().isBlank()
                ? ring(properties).current()
                : DataKey.fromBase64(properties.lookupKey(), "portal.identity.lookup-key (PORTAL_IDENTITY_LOOKUP_KEY)");
        return new KeyedHash(lookupKey);
    }
}
