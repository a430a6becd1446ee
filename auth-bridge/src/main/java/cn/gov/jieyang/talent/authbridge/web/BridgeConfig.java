package cn.gov.jieyang.talent.authbridge.web;

import cn.gov.jieyang.talent.authbridge.config.RetentionProperties;
import cn.gov.jieyang.talent.authbridge.face.YuexinqianProperties;
import cn.gov.jieyang.talent.authbridge.password.KeycloakProperties;
import cn.gov.jieyang.talent.authbridge.session.SessionProperties;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

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
    LocaleResolver localeResolver(SessionProperties session) {
        return new BridgeLocales(session.secureCookie());
    }

    /** The language switch of the sign-in pages: {@code ?lang=en} or {@code ?lang=zh-CN}. */
    @Bean
    WebMvcConfigurer languageSwitch() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                LocaleChangeInterceptor change = new LocaleChangeInterceptor();
                change.setParamName("lang");
                change.setIgnoreInvalidLocale(true);
                registry.addInterceptor(change);
            }
        };
    }

    /** Before Spring Security, so the login page the authorization request leads to is in that language. */
    @Bean
    FilterRegistrationBean<UiLocalesFilter> uiLocalesFilter(LocaleResolver locales) {
        FilterRegistrationBean<UiLocalesFilter> registration = new FilterRegistrationBean<>(new UiLocalesFilter(locales));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
        registration.addUrlPatterns("/oauth2/authorize");
        return registration;
    }
}
