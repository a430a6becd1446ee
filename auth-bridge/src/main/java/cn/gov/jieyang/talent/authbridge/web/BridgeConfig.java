package cn.gov.jieyang.talent.authbridge.web;

import cn.gov.jieyang.talent.authbridge.config.RetentionProperties;
import cn.gov.jieyang.talent.authbridge.face.YuexinqianProperties;
import cn.gov.jieyang.talent.authbridge.password.KeycloakProperties;
import cn.gov.jieyang.talent.authbridge.session.SessionProperties;
import java.time.Clock;
import java.util.Locale;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/** Application-wide wiring: typed configuration, the clock, Chinese as the default language. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SessionProperties.class, YuexinqianProperties.class, KeycloakProperties.class,
        RetentionProperties.class})
class BridgeConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver r = new AcceptHeaderLocaleResolver();
        r.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        r.setSupportedLocales(java.util.List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH));
        return r;
    }
}
