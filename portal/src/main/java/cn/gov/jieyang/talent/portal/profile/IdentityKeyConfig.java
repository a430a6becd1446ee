package cn.gov.jieyang.talent.portal.profile;

import cn.gov.jieyang.talent.portal.identity.IdNumberProtector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the {@link IdNumberProtector} from {@code portal.identity.id-number-key}. A missing, malformed,
 * short or placeholder key fails the constructor and so the start of the application: running without a
 * usable key would mean storing ID numbers that can never be read back, or not storing them at all.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityKeyProperties.class)
class IdentityKeyConfig {

    private static final Logger log = LoggerFactory.getLogger(IdentityKeyConfig.class);

    @Bean
    IdNumberProtector idNumberProtector(IdentityKeyProperties properties) {
        IdNumberProtector protector = new IdNumberProtector(properties.idNumberKey());
        if (IdentityKeyProperties.DEVELOPMENT_KEY.equals(properties.idNumberKey() == null ? null
                : properties.idNumberKey().strip())) {
            // The development key is in the repository: fine on a laptop, a data leak in production.
            log.warn("ID numbers are protected with the public development key; "
                    + "set PORTAL_IDENTITY_ID_NUMBER_KEY (openssl rand -base64 32) in production");
        }
        return protector;
    }
}
