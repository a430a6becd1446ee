package cn.gov.jieyang.talent.portal.sealing;

import java.security.cert.X509CRL;
import java.time.Clock;
import java.util.Date;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the bureau's seal once at startup and says which one it is. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SealProperties.class, TimeStampProperties.class})
class SealConfig {

    private static final Logger log = LoggerFactory.getLogger(SealConfig.class);

    @Bean
    SealKey sealKey(SealProperties properties, Clock clock) {
        SealKey seal = SealKeyLoader.load(properties);
        // Subject and fingerprint let an operator check which seal signs; the password is never logged.
        log.info("bureau seal ({} mode): subject \"{}\", SHA-256 fingerprint {}", properties.mode(), seal.subject(),
                seal.fingerprintSha256());
        if (properties.mode() == SealProperties.Mode.DEV) {
            log.warn("the bureau seal is a DEVELOPMENT seal: set portal.seal.mode=pkcs12 in production");
        }
        if (seal.crl().isEmpty()) {
            log.warn("no CRL configured (portal.seal.crl): packages will verify as INDETERMINATE offline");
        }
        seal.crl().map(X509CRL::getNextUpdate).filter(next -> next.before(Date.from(clock.instant())))
                .ifPresent(next -> log.warn("the seal CA's CRL expired on {}: packages will verify as INDETERMINATE", next));
        return seal;
    }
}
